import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { INPUT_ISSUE_CODES } from '@/i18n/input-issues';
import en from '@/messages/en.json';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function englishAt(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

test('every errors.* key named in server/, shared/, i18n/ and app/ has an English message', () => {
  const missing: string[] = [];
  for (const file of ['server', 'shared', 'i18n', 'app'].flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, key] of text.matchAll(/['"`](errors\.[A-Za-z0-9_.]+[A-Za-z0-9_])['"`]/g)) {
      const found = englishAt(key!);
      // A namespace named in a comment (`errors.input`) is not a key.
      if (typeof found !== 'string' && typeof found !== 'object') missing.push(`${file}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every input issue code the API answers, and the fallback, has its message under errors.input', () => {
  for (const code of [...INPUT_ISSUE_CODES, 'invalid'])
    assert.equal(typeof englishAt(`errors.input.${code}`), 'string', code);
});
