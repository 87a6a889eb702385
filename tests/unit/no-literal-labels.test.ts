import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/** Attributes a screen reader speaks (names, descriptions, hints) or a reader sees in place of a label. */
const SPOKEN =
  /\b(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt)=(?:"([^"]*)"|\{\s*'([^']*)'\s*\}|\{\s*"([^"]*)"\s*\})/g;
/** Language-neutral examples: United Nations document symbols read the same in every language. */
const NEUTRAL = new Set(['Rev.1', 'S/2027/123/Rev.1']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

test('no accessible name, hint or placeholder is a literal string: each comes from the catalogues, so French and Arabic pages are not read out in English', () => {
  const root = join(import.meta.dirname, '..', '..');
  const found: string[] = [];
  for (const file of tsxFiles(join(root, 'app'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(SPOKEN)) {
      const value = match[2] ?? match[3] ?? match[4] ?? '';
      if (/\p{L}/u.test(value) && !NEUTRAL.has(value)) found.push(`${relative(root, file)}: ${match[1]}="${value}"`);
    }
  }
  assert.deepEqual(found, []);
});
