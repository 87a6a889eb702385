// The browser gets the reader's catalogue from the server (the root layout passes it to the
// provider): no client module may bundle the catalogues themselves, or every page would carry
// all three languages. And a message a translation lacks still reads in English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CATALOGUES, overEnglish } from '@/i18n/catalogues';
import { getMessageFallback } from '@/i18n/intl-errors';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

const ROOT = process.cwd();
/** `import … from '…'`, `export … from '…'` and `import('…')`, less type-only ones (erased from the bundle). */
const IMPORT =
  /(?:^|\n)\s*(import|export)(?!\s+type\s)[^'"`;]*?\sfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveModule(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every project file a module pulls in at run time (itself included). */
function closureOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (file.endsWith('.json')) return seen;
  const source = fs.readFileSync(file, 'utf8');
  for (const match of source.matchAll(IMPORT)) {
    const target = resolveModule(match[2] ?? match[3]!, file);
    if (target) closureOf(target, seen);
  }
  return seen;
}

function clientModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientModules(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return /^\s*['"]use client['"]/.test(fs.readFileSync(full, 'utf8')) ? [full] : [];
  });
}

test('no client module bundles a message catalogue', () => {
  const clients = clientModules(path.join(ROOT, 'app'));
  assert.ok(clients.some((file) => file.endsWith(path.join('_components', 'IntlProvider.tsx'))));
  const bundling = clients.flatMap((file) =>
    [...closureOf(file)]
      .filter((dep) => path.relative(ROOT, dep).startsWith(`messages${path.sep}`))
      .map((dep) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, dep)}`),
  );
  assert.deepEqual(bundling, []);
});

test('a message a translation lacks reads as the English one; keys English lacks are dropped', () => {
  const english = { a: 'A', nested: { b: 'B {n}', c: 'C' } };
  const translated = { a: 'Â', nested: { b: 'Bé {n}' }, extra: 'X' };
  assert.deepEqual(overEnglish(english, translated), { a: 'Â', nested: { b: 'Bé {n}', c: 'C' } });
  assert.deepEqual(overEnglish(english, { nested: 'not a namespace' }), english);
  // The catalogues have every key in every language (i18n-catalogues.test.ts): nothing is filled in.
  assert.deepEqual(CATALOGUES.fr, fr);
  assert.equal(CATALOGUES.en, en);
});

test('a message no catalogue has reads as its dotted key', () => {
  assert.equal(getMessageFallback({ key: 'title', namespace: 'nowhere' }), 'nowhere.title');
  assert.equal(getMessageFallback({ key: 'alone' }), 'alone');
});
