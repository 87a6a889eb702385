import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  flattenCatalogue,
  literalText,
  needsNoTranslation,
  SAME_AS_ENGLISH_IN,
  SAME_IN_EVERY_LANGUAGE,
  untranslatedMessages,
} from '@/i18n/untranslated';
import { CATALOGUES } from '@/i18n/catalogues';

const english = {
  app: { name: 'Compact Workspace' },
  nav: { menu: 'Menu', text: 'Text' },
  export: { csv: 'Export (CSV)', format: 'CSV' },
  indicator: { none: '—', link: '{code}: {status} — {title}' },
  count: { rows: '{count, plural, one {# row} other {# rows}}' },
};

test('a nested catalogue flattens to dotted keys in file order', () => {
  assert.deepEqual(
    flattenCatalogue({ a: 'A', b: { c: 'C', d: { e: 'E' } } }).map(({ key }) => key),
    ['a', 'b.c', 'b.d.e'],
  );
});

test('the words a reader sees leave out argument names but keep plural branches', () => {
  assert.equal(literalText('{code}: {status} — {title}').replace(/\s+/g, ' ').trim(), ': —');
  assert.match(literalText('{count, plural, one {# row} other {# rows}}'), /row.*rows/);
  assert.doesNotMatch(literalText('{count, plural, one {# row} other {# rows}}'), /count|plural/);
});

test('a message with no letters, or only names and formats shared by every language, needs no translation', () => {
  assert.equal(needsNoTranslation('—', SAME_IN_EVERY_LANGUAGE), true);
  assert.equal(needsNoTranslation('{code}: {status} — {title}', SAME_IN_EVERY_LANGUAGE), true);
  assert.equal(needsNoTranslation('CSV', SAME_IN_EVERY_LANGUAGE), true);
  assert.equal(needsNoTranslation('Compact Workspace', SAME_IN_EVERY_LANGUAGE), true);
  assert.equal(needsNoTranslation('Export (CSV)', SAME_IN_EVERY_LANGUAGE), false);
  assert.equal(needsNoTranslation('CSVs', SAME_IN_EVERY_LANGUAGE), false);
});

test('only messages still equal to English, with something to translate, are listed', () => {
  const french = { ...english, nav: { menu: 'Menu', text: 'Texte' } };
  assert.deepEqual(
    untranslatedMessages(english, french).map(({ key }) => key),
    ['nav.menu', 'export.csv', 'count.rows'],
  );
  assert.deepEqual(
    untranslatedMessages(english, french, [...SAME_IN_EVERY_LANGUAGE, 'Menu']).map(({ key }) => key),
    ['export.csv', 'count.rows'],
  );
});

test('a key missing from a translation is left to the catalogue parity test', () => {
  assert.deepEqual(untranslatedMessages(english, { nav: { menu: 'القائمة' } }), []);
});

test('the Arabic catalogue has no message left in English', () => {
  assert.deepEqual(untranslatedMessages(CATALOGUES.en, CATALOGUES.ar), []);
});

test('the French catalogue has no message left in English but words French shares with it (npm run i18n:untranslated exits 0)', () => {
  const allowed = [...SAME_IN_EVERY_LANGUAGE, ...(SAME_AS_ENGLISH_IN.fr ?? [])];
  assert.deepEqual(untranslatedMessages(CATALOGUES.en, CATALOGUES.fr, allowed), []);
});
