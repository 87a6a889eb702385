import 'server-only';
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import type { ChainVerdict } from '../services/audit-chain';
import { verifyStoredChain } from '../services/audit-verify';
import type { WorkerAnswer, WorkerRequest } from './worker-client';

/** Which chain to verify: in which database file, the compact's (or the instance's, null), up to which event. */
export interface VerifyRequest {
  file: string;
  compactId: string | null;
  upTo: number;
}

/**
 * Worker thread: verifies audit chains against the stored rows through a read-only connection of
 * its own, so a long chain never holds up the HTTP server's requests.
 */
function verify({ file, compactId, upTo }: VerifyRequest): ChainVerdict {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    return verifyStoredChain(sqlite, compactId, upTo);
  } finally {
    sqlite.close();
  }
}

parentPort!.on('message', ({ id, request }: WorkerRequest<VerifyRequest>) => {
  let answer: WorkerAnswer<ChainVerdict>;
  try {
    answer = { id, ok: true, result: verify(request) };
  } catch (error) {
    answer = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
