import { enT } from '../helpers/i18n';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupPresence, samePresence } from '@/app/_lib/presence-groups';
import { caretLabel } from '@/app/compacts/[compactId]/_components/caret';

const person = (userId: string, name: string) => ({
  user: {
    userId,
    name,
    partyName: `Party of ${name}`,
    partyShortCode: name.slice(0, 3).toUpperCase(),
    color: '#123456',
  },
});

test('presence shows each person once however many tabs they have open, counting the tabs, the viewer first', () => {
  const states = [
    person('u-zora', 'Zora'), // the viewer's first tab
    person('u-ada', 'Ada'),
    person('u-zora', 'Zora'), // the viewer's other tab
    person('u-ben', 'Ben'),
    person('u-ada', 'Ada'), // Ada's second tab
    {}, // a tab whose editor has not started yet
    { user: { name: 'no id' } },
    null,
  ];
  const entries = groupPresence(states, 'u-zora');
  assert.deepEqual(
    entries.map((entry) => [entry.name, entry.tabs]),
    [
      ['Zora', 2],
      ['Ada', 2],
      ['Ben', 1],
    ],
  );
  assert.equal(entries[1]!.partyName, 'Party of Ada');
});

test('presence without a known viewer is sorted by name', () => {
  assert.deepEqual(
    groupPresence([person('b', 'Ben'), person('a', 'Ada')]).map((entry) => entry.name),
    ['Ada', 'Ben'],
  );
});

test('the caret of the viewer’s own other tab says “You (other tab)”; anyone else’s names them with party and domain', () => {
  const zora = { ...person('u-zora', 'Zora').user, emailDomain: 'aldoria.example' };
  assert.equal(caretLabel(enT, zora, 'u-zora'), 'You (other tab)');
  assert.equal(caretLabel(enT, zora, 'u-ada'), 'Zora · ZOR · aldoria.example');
  assert.equal(caretLabel(enT, { name: 42 }), '?');
});

test('a caret move leaves the presence list the same (the page keeps it and does not render again); a join, a leave, a new tab or a rename does not', () => {
  const before = groupPresence([person('u-ada', 'Ada'), person('u-ben', 'Ben')], 'u-ada');
  const caretMoved = groupPresence(
    [
      { ...person('u-ada', 'Ada'), cursor: { anchor: 1, head: 4 } },
      { ...person('u-ben', 'Ben'), cursor: { anchor: 9, head: 9 } },
    ],
    'u-ada',
  );
  assert.equal(samePresence(before, caretMoved), true);
  const joined = groupPresence([person('u-ada', 'Ada'), person('u-ben', 'Ben'), person('u-cy', 'Cy')], 'u-ada');
  const left = groupPresence([person('u-ada', 'Ada')], 'u-ada');
  const secondTab = groupPresence([person('u-ada', 'Ada'), person('u-ben', 'Ben'), person('u-ben', 'Ben')], 'u-ada');
  const renamed = groupPresence(
    [person('u-ada', 'Ada'), { user: { ...person('u-ben', 'Ben').user, name: 'Benedict' } }],
    'u-ada',
  );
  for (const changed of [joined, left, secondTab, renamed]) assert.equal(samePresence(before, changed), false);
});
