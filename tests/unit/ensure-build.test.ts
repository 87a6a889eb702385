// scripts/ensure-build.mjs (run by `npm start` and the browser tests): rebuilds exactly when the
// sources changed since the last build. Run in a scratch project whose `next build` only records
// that it ran, so no real build is needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, test } from 'node:test';

const script = path.resolve('scripts', 'ensure-build.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-ensure-build-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const built = path.join(root, 'built');
const longAgo = new Date(Date.now() - 3_600_000);
const builtAt = new Date(Date.now() - 600_000);

function write(relative: string, text = '') {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Sets every file and folder of the scratch project to an hour ago and marks a build done ten minutes ago. */
function settle() {
  const visit = (target: string) => {
    if (fs.statSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    fs.utimesSync(target, longAgo, longAgo);
  };
  for (const entry of fs.readdirSync(root)) visit(path.join(root, entry));
  fs.rmSync(built, { force: true });
  write('.next/BUILD_ID', 'build');
  fs.utimesSync(path.join(root, '.next', 'BUILD_ID'), builtAt, builtAt);
}

/** Runs the script in the scratch project; true when it started a build. */
function ensureBuild(): boolean {
  const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return fs.existsSync(built);
}

beforeEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  write(
    'node_modules/next/dist/bin/next',
    `require('node:fs').writeFileSync(${JSON.stringify(built)}, process.argv.slice(2).join(' '));`,
  );
  write('app/page.tsx', 'export default 1;');
  write('app/old/page.tsx', 'export default 2;');
  write('server/service.ts', 'export const x = 1;');
  write('tsconfig.json', '{}');
});

test('builds when there is no build, and not again while nothing changed', () => {
  assert.equal(ensureBuild(), true);
  assert.equal(fs.readFileSync(built, 'utf8'), 'build');
  settle();
  assert.equal(ensureBuild(), false);
});

test('rebuilds when a source file changed', () => {
  settle();
  write('server/service.ts', 'export const x = 2;');
  assert.equal(ensureBuild(), true);
});

test('rebuilds when a page was deleted, so the old build does not keep serving it', () => {
  settle();
  fs.rmSync(path.join(root, 'app', 'old'), { recursive: true });
  assert.equal(ensureBuild(), true);
});

test('rebuilds when a source file was moved (a move keeps its modification time)', () => {
  settle();
  fs.renameSync(path.join(root, 'app', 'old', 'page.tsx'), path.join(root, 'app', 'page-moved.tsx'));
  assert.equal(ensureBuild(), true);
});
