// The boundary between browser, server and shared code (eslint.config.mjs), checked through
// ESLint's own API on fixture source, and the server-only marker on every server module.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary errors ESLint reports for `source` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  assert.ok(result, 'ESLint answered');
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the fixture parses');
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const PAGE = 'app/compacts/[compactId]/boundary-fixture/page.tsx';
const CLIENT = 'app/compacts/[compactId]/_components/BoundaryFixture.tsx';
const SHARED = 'shared/framework/boundary-fixture.ts';

describe('app code may not import server internals', () => {
  for (const [what, source] of [
    ['a service', "import { listParties } from '@/server/services/parties';\nexport const x = listParties;\n"],
    ['the database client', "import { getDb } from '@/db/client';\nexport const x = getDb;\n"],
    ['a schema file', "import { parties } from '@/db/schema/parties';\nexport const x = parties;\n"],
    ['the auth module', "import { resolveActor } from '@/server/auth/actor';\nexport const x = resolveActor;\n"],
    ['a server type', "import type { Actor } from '@/server/auth/actor';\nexport type X = Actor;\n"],
    ['the router as a value', "import { appRouter } from '@/server/trpc/root';\nexport const x = appRouter;\n"],
    [
      'a service by a relative path',
      "import { listParties } from '../../../server/services/parties';\nexport const x = listParties;\n",
    ],
    ['the database by a relative path', "import { getDb } from '../../../db/client';\nexport const x = getDb;\n"],
  ] as const) {
    test(`importing ${what} from a page or a client component is an error`, async () => {
      for (const file of [PAGE, CLIENT]) {
        const errors = await boundaryErrors(file, source);
        assert.equal(errors.length, 1, `${file}: ${source}`);
        assert.match(errors[0]!, /through tRPC/);
      }
    });
  }

  test('loading server internals with import() is an error too', async () => {
    for (const specifier of ['@/server/services/parties', '@/db/client', '../../../server/services/parties']) {
      const source = `export const load = () => import('${specifier}');\n`;
      for (const file of [PAGE, CLIENT]) {
        const [result] = await eslint.lintText(source, { filePath: file });
        const errors = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
        assert.equal(errors.length, 1, `${file}: ${source}`);
        assert.match(errors[0]!, /through tRPC/);
      }
    }
    const [allowed] = await eslint.lintText("export const load = () => import('@/shared/roles');\n", {
      filePath: PAGE,
    });
    assert.deepEqual(
      allowed!.messages.filter((m) => m.ruleId === 'no-restricted-syntax'),
      [],
      'shared code may be loaded lazily',
    );
  });

  test('shared code, the router type, the server caller and the route entry points are allowed', async () => {
    const source = [
      "import { COMPACT_ROLES } from '@/shared/roles';",
      "import type { AppRouter } from '@/server/trpc/root';",
      "import { serverApi } from '@/server/trpc/server-caller';",
      "import { handleTrpcRequest } from '@/server/trpc/fetch-handler';",
      "import { handleAuthRequest } from '@/server/auth/auth-route';",
      "import { uploadEvidence } from '@/server/http/evidence-routes';",
      "import { errorMessage } from '@/app/_lib/trpc';",
      "import { forPage } from '../../../_lib/server-session';",
      'export type X = AppRouter;',
      'export const x = [COMPACT_ROLES, serverApi, handleTrpcRequest, handleAuthRequest, uploadEvidence, errorMessage, forPage];',
      '',
    ].join('\n');
    assert.deepEqual(await boundaryErrors(PAGE, source), []);
  });
});

describe('shared code imports neither app/, server/ nor db/', () => {
  for (const [what, source] of [
    ['the server', "import { newId } from '@/server/services/ids';\nexport const x = newId;\n"],
    ['the database', "import { parties } from '@/db/schema/parties';\nexport const x = parties;\n"],
    ['app code', "import { errorMessage } from '@/app/_lib/trpc';\nexport const x = errorMessage;\n"],
    [
      'app code by a relative path',
      "import { errorMessage } from '../../app/_lib/trpc';\nexport const x = errorMessage;\n",
    ],
    ['the server by a relative path', "import { newId } from '../../server/services/ids';\nexport const x = newId;\n"],
  ] as const) {
    test(`importing ${what} from shared/ is an error`, async () => {
      const errors = await boundaryErrors(SHARED, source);
      assert.equal(errors.length, 1, source);
      assert.match(errors[0]!, /imports neither app\/, server\/ nor db\//);
    });
  }

  test('other shared modules and packages are allowed', async () => {
    const source = [
      "import { INDICATOR_LEVELS } from '../enums';",
      "import { CLOSE } from '@/shared/collab/close-codes';",
      "import { z } from 'zod';",
      'export const x = [INDICATOR_LEVELS, CLOSE, z];',
      '',
    ].join('\n');
    assert.deepEqual(await boundaryErrors(SHARED, source), []);
  });
});

function typeScriptFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFilesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test("every server module and the database client say import 'server-only'", () => {
  const unmarked = [...typeScriptFilesUnder('server'), 'db/client.ts'].filter(
    (file) => !/^import 'server-only';$/m.test(fs.readFileSync(file, 'utf8')),
  );
  assert.deepEqual(unmarked, []);
});
