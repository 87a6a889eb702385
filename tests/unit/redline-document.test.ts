import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { inLocale } from '../helpers/i18n';
import { RedlineDocument } from '@/app/compacts/[compactId]/history/_components/RedlineDocument';
import type { RedlineAuthor, RedlineChange, RedlineItem, RedlineNode } from '@/shared/history/redline';

const authors: RedlineAuthor[] = [{ userId: 'u1', name: 'Ana Silva', partyId: 'p1', partyCode: 'ALD' }];
const text = (words: string, change: RedlineChange | null = null): RedlineItem => ({
  kind: 'text',
  text: words,
  marks: [],
  change,
});
const node = (type: string, content: RedlineItem[], change: RedlineChange | null = null): RedlineNode => ({
  kind: 'node',
  type,
  attrs: {},
  content,
  change,
  attributeChanges: [],
});
const render = (blocks: RedlineNode[]) =>
  renderToStaticMarkup(inLocale(createElement(RedlineDocument, { blocks, authors, parties: new Map() })));

test('a list item or table row added or deleted whole is marked as an insertion or deletion, with its author', () => {
  // As the server sends them: the changes inside a node added or removed whole are dropped (they repeat its own).
  const added = { type: 'added', author: 0 } as const;
  const removed = { type: 'removed', author: 0 } as const;
  const html = render([
    node('provision', [
      node('bulletList', [
        node('listItem', [node('paragraph', [text('kept point')])]),
        node('listItem', [node('paragraph', [text('new point')])], added),
      ]),
      node('table', [
        node('tableRow', [node('tableCell', [node('paragraph', [text('kept cell')])])]),
        node('tableRow', [node('tableCell', [node('paragraph', [text('old cell')])])], removed),
      ]),
    ]),
  ]);
  assert.match(
    html,
    /<ins[^>]*data-change="added"[^>]*><span class="sr-only">Insertion by Ana Silva \(ALD\): <\/span>new point/,
  );
  assert.match(
    html,
    /<del[^>]*data-change="removed"[^>]*><span class="sr-only">Deletion by Ana Silva \(ALD\): <\/span>old cell/,
  );
  assert.doesNotMatch(html, /Insertion by[^<]*<\/span>kept/);
  // Still valid structure: no block wrapper inside a list or a table row.
  assert.doesNotMatch(html, /<ul><div|<tbody><div|<tr><div/);
});
