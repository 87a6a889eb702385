import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { compactTextSchema } from '@/server/editor/document-content';
import { negotiationDecorations } from '@/app/compacts/[compactId]/_components/negotiation/negotiation-decorations';
import {
  emptyViewData,
  partyStyle,
  type LegendParty,
  type NegotiationViewData,
} from '@/app/compacts/[compactId]/_components/negotiation/view-data';

const ALD = { partyId: 'party-ald', userId: 'user-ald' };
const VAR = { partyId: 'party-var', userId: 'user-var' };
const party = (id: string, shortCode: string, colour: string): LegendParty => ({
  id,
  name: shortCode,
  shortCode,
  colour,
  hasMember: true,
});
const data: NegotiationViewData = {
  ...emptyViewData,
  compactId: 'compact-1',
  parties: new Map([
    [ALD.partyId, party(ALD.partyId, 'ALD', '#1d4ed8')],
    [VAR.partyId, party(VAR.partyId, 'VAR', '#b91c1c')],
  ]),
};
const text = (value: string, by?: typeof ALD, marks: { type: string }[] = []): JSONContent => ({
  type: 'text',
  text: value,
  marks: [...marks, ...(by ? [{ type: 'bracket', attrs: by }] : [])],
});
const docOf = (...content: JSONContent[]) => compactTextSchema().nodeFromJSON({ type: 'doc', content });
const provision = (...content: JSONContent[]): JSONContent => ({
  type: 'provision',
  attrs: { id: 'abcdefabcdef', kind: 'operative', state: 'bracketed' },
  content,
});

describe('the negotiation view of the text', () => {
  test('marks each run of one party’s bracketed text once, even across other formatting, with its colour', () => {
    const doc = docOf(
      provision({
        type: 'paragraph',
        content: [
          text('Notify'),
          text(' within', ALD),
          text(' 72', ALD, [{ type: 'bold' }]),
          text(' hours', ALD),
          text(' within 24 hours', VAR),
          text(' and review.'),
        ],
      }),
    );
    const found = negotiationDecorations(doc, data).find();
    const runs = found.filter(
      (d) =>
        d.from !== d.to &&
        (d as unknown as { type: { attrs?: { class?: string } } }).type.attrs?.class === 'bracket-run',
    );
    const slice = (d: { from: number; to: number }) => doc.textBetween(d.from, d.to);
    assert.deepEqual(runs.map(slice), [' within 72 hours', ' within 24 hours']);
    const styles = runs.map((d) => (d as unknown as { type: { attrs: { style: string } } }).type.attrs.style);
    assert.deepEqual(styles, ['--party: #1d4ed8', '--party: #b91c1c']);
    const keys = found.filter((d) => d.from === d.to).map((d) => String((d.spec as { key: string }).key));
    assert.equal(keys.filter((k) => k.startsWith('bo|')).length, 2, 'an opening "CODE[" per run');
    assert.equal(keys.filter((k) => k.startsWith('bc|')).length, 2, 'a closing "]" per run');
    assert.equal(keys.filter((k) => k.startsWith('pg|')).length, 1, 'one gutter per provision');
  });

  test('numbers the options of a provision and names their parties', () => {
    const option = (by: typeof ALD): JSONContent => ({
      type: 'option',
      attrs: by,
      content: [{ type: 'paragraph', content: [text('Other words.')] }],
    });
    const doc = docOf(provision({ type: 'paragraph', content: [text('Words.')] }, option(VAR), option(ALD)));
    const keys = negotiationDecorations(doc, data)
      .find()
      .map((d) => String((d.spec as { key?: string }).key ?? ''))
      .filter((k) => k.startsWith('ol|'));
    assert.deepEqual(keys, ['ol|1|party-var|VAR|#b91c1c', 'ol|2|party-ald|ALD|#1d4ed8']);
  });

  test('never writes a colour that is not #rrggbb into a style attribute', () => {
    assert.equal(partyStyle(party('x', 'X', 'red; background: url(https://evil.example)')), '--party: #475569');
    assert.equal(partyStyle(undefined), '--party: #475569');
    assert.equal(partyStyle(party('x', 'X', '#0E7490')), '--party: #0E7490');
  });
});
