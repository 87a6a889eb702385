import { enT } from '../helpers/i18n';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JSONContent } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Plugin } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { compactTextSchema } from '@/server/editor/document-content';
import { provisionNumbersPlugin } from '@/shared/editor/negotiation/provision-numbers';
import {
  negotiationDecorations,
  negotiationViewPlugin,
  setNegotiationViewData,
} from '@/app/compacts/[compactId]/_components/negotiation/negotiation-decorations';
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
  t: enT,
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

  describe('per keystroke, in a long text', () => {
    const provisionAt = (i: number): JSONContent => ({
      type: 'provision',
      attrs: { id: `abcdef${String(i).padStart(6, '0')}`, kind: i % 3 ? 'operative' : 'preambular', state: 'open' },
      content: [
        {
          type: 'paragraph',
          content: [text(`Provision ${i} says `), text('this', i % 2 ? ALD : VAR), text(' and more.')],
        },
        ...(i % 5 === 0
          ? [{ type: 'option', attrs: VAR, content: [{ type: 'paragraph', content: [text('Other.')] }] }]
          : []),
      ],
    });
    const longDoc = () => {
      const content: JSONContent[] = [];
      for (let i = 0; i < 60; i++) {
        if (i % 10 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Section ${i / 10}`)] });
        content.push(provisionAt(i));
      }
      return docOf(...content);
    };
    const plugins: Plugin[] = [negotiationViewPlugin(), provisionNumbersPlugin()];
    const decorationsOf = (state: EditorState, plugin: Plugin) =>
      (plugin.props.decorations as (this: Plugin, s: EditorState) => DecorationSet).call(plugin, state);
    const describeAll = (set: DecorationSet) =>
      set
        .find()
        .map((d: Decoration) => {
          const type = d as unknown as { type: { attrs?: unknown } };
          return `${d.from}-${d.to} ${String((d.spec as { key?: string }).key ?? '')} ${JSON.stringify(type.type.attrs ?? null)}`;
        })
        .sort();
    /** What a full rebuild gives for the numbers. */
    const numbersOf = (doc: ProseMirrorNode) =>
      describeAll(decorationsOf(EditorState.create({ doc, plugins: [plugins[1]!] }), plugins[1]!));
    const assertAsRebuilt = (state: EditorState, what: string) => {
      assert.deepEqual(
        describeAll(decorationsOf(state, plugins[0]!)),
        describeAll(negotiationDecorations(state.doc, data)),
        `${what}: negotiation view`,
      );
      assert.deepEqual(describeAll(decorationsOf(state, plugins[1]!)), numbersOf(state.doc), `${what}: numbers`);
    };
    const gutterSpec = (state: EditorState, id: string) => {
      let pos = -1;
      state.doc.forEach((node, at) => {
        if (node.attrs.id === id) pos = at;
      });
      const [gutter] = decorationsOf(state, plugins[0]!).find(pos + 1, pos + 1, (spec: { key?: string }) =>
        String(spec.key).startsWith('pg|'),
      );
      return gutter!.spec as object;
    };
    const inProvision = (state: EditorState, id: string) => {
      let pos = -1;
      state.doc.forEach((node, at) => {
        if (node.attrs.id === id) pos = at;
      });
      return pos + 3; // inside its first paragraph's text
    };

    test('typing in one provision labels only that provision again; every other edit gives what a rebuild gives', () => {
      let state = EditorState.create({ doc: longDoc(), plugins });
      state = state.apply(setNegotiationViewData(state, data));
      assertAsRebuilt(state, 'start');
      const far = gutterSpec(state, 'abcdef000050');

      state = state.apply(state.tr.insertText('x', inProvision(state, 'abcdef000010')));
      assertAsRebuilt(state, 'typing');
      assert.equal(gutterSpec(state, 'abcdef000050'), far, 'a provision far from the typing keeps its labels');

      // A new operative provision early on: every later number changes.
      const inserted = compactTextSchema().nodeFromJSON(provisionAt(1));
      state = state.apply(state.tr.insert(inProvision(state, 'abcdef000002') - 3, inserted));
      assertAsRebuilt(state, 'inserting a provision');

      // Deleting one, and making one preambular.
      const at = inProvision(state, 'abcdef000020') - 3;
      state = state.apply(state.tr.delete(at, at + state.doc.nodeAt(at)!.nodeSize));
      assertAsRebuilt(state, 'deleting a provision');
      const kindAt = inProvision(state, 'abcdef000031') - 3;
      state = state.apply(state.tr.setNodeAttribute(kindAt, 'kind', 'preambular'));
      assertAsRebuilt(state, 'changing a kind');

      // As the collaboration binding applies a collaborator's change: the whole text replaced, unchanged nodes shared.
      const nodes: ProseMirrorNode[] = [];
      state.doc.forEach((node) => nodes.push(node));
      const changed = nodes.findIndex((node) => node.attrs.id === 'abcdef000040');
      nodes[changed] = nodes[changed]!.type.create(
        nodes[changed]!.attrs,
        compactTextSchema().nodeFromJSON({
          type: 'paragraph',
          content: [text('Rewritten ', ALD), text('by someone.')],
        }),
      );
      const before = gutterSpec(state, 'abcdef000055');
      state = state.apply(state.tr.replace(0, state.doc.content.size, new Slice(Fragment.from(nodes), 0, 0)));
      assertAsRebuilt(state, 'a collaborator’s change');
      assert.equal(gutterSpec(state, 'abcdef000055'), before, 'unchanged provisions keep their labels');

      state = state.apply(state.tr.delete(1, state.doc.content.size - 1));
      assertAsRebuilt(state, 'deleting nearly everything');
    });
  });
});
