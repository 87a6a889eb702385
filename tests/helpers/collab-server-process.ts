// Runs the real collaboration server (no Next.js) in its own process, for crash tests.
// Usage: node --import ./scripts/server-runtime.mjs tests/helpers/collab-server-process.ts <database path>
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@/db/client';
import { createAppServer } from '@/server/app-server';
import { inProcessCollab } from '@/server/collab/in-process-collab';
import { closeCleanlyOnSignals } from '@/server/shutdown';

const handle = openDatabase(process.argv[2]!);
const app = createAppServer(null, { collab: inProcessCollab(handle) });
closeCleanlyOnSignals(app, () => handle.sqlite.close());
app.http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (app.http.address() as AddressInfo).port })}\n`);
});
