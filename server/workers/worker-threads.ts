import 'server-only';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER_RUNTIME = path.join(/*turbopackIgnore: true*/ process.cwd(), 'scripts', 'worker-runtime.mjs');

/**
 * Starts a worker thread running `entry` (a TypeScript file, relative to the app's root) through
 * scripts/worker-runtime.mjs, so it loads the source files the way every process of the app does.
 */
export function startWorker(entry: string, workerData: Record<string, unknown> = {}): Worker {
  const entryUrl = pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), entry)).href;
  return new Worker(WORKER_RUNTIME, { workerData: { ...workerData, entry: entryUrl } });
}
