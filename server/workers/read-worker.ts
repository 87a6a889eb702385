import 'server-only';
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import type { ChainVerdict } from '../services/audit-chain';
import { verifyStoredChain } from '../services/audit-verify';
import { compareStoredStates } from '../services/history/compare';
import type { Redline } from '@/shared/history/redline';
import type { WorkerAnswer, WorkerRequest } from './worker-client';

/** Long reads the HTTP server hands to a worker thread, each in one database file. */
export type ReadTask =
  /** Verify a chain (a compact's, or the instance's for null) up to an event. */
  | { kind: 'verify-chain'; compactId: string | null; upTo: number }
  /** The redline of a compact's text between two stored updates. */
  | { kind: 'compare'; compactId: string; fromUpdateId: number; toUpdateId: number };

export interface ReadRequest {
  file: string;
  task: ReadTask;
}

export type ReadResult = ChainVerdict | Redline;

function run(sqlite: Database.Database, task: ReadTask): ReadResult {
  if (task.kind === 'verify-chain') return verifyStoredChain(sqlite, task.compactId, task.upTo);
  return compareStoredStates(sqlite, task.compactId, task.fromUpdateId, task.toUpdateId);
}

/**
 * Worker thread: long reads (verifying an audit chain, rebuilding two states of a text to compare
 * them) through a read-only connection of its own, so they never hold up the HTTP server's requests.
 */
parentPort!.on('message', ({ id, request }: WorkerRequest<ReadRequest>) => {
  let answer: WorkerAnswer<ReadResult>;
  try {
    const sqlite = new Database(request.file, { readonly: true, fileMustExist: true });
    try {
      sqlite.pragma('busy_timeout = 5000');
      answer = { id, ok: true, result: run(sqlite, request.task) };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    answer = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
