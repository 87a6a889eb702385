import 'server-only';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-threads';

/** A request to a worker and its answer, matched by `id`. */
export interface WorkerRequest<T> {
  id: number;
  request: T;
}
export type WorkerAnswer<T> = { id: number; ok: true; result: T } | { id: number; ok: false; error: string };

interface Pending<R> {
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread serving requests one message at a time, started on the first request and
 * started again after it dies (its pending requests fail). It keeps the process alive only while
 * a request is pending, so an idle worker never holds a server or a test open. Closing it fails
 * the requests it had.
 */
export function workerClient<Q, R>(entry: string): { call(request: Q): Promise<R>; close(): Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending<R>>();

  const settle = (answer: WorkerAnswer<R>) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (pending.size === 0) worker?.unref();
    if (answer.ok) waiting.resolve(answer.result);
    else waiting.reject(new Error(answer.error));
  };
  const failAll = (error: Error) => {
    worker = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const running = (): Worker => {
    if (worker) return worker;
    const started = startWorker(entry);
    started.on('message', settle);
    started.on('error', failAll);
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`the worker stopped (${code})`));
    });
    worker = started;
    return started;
  };

  return {
    call(request) {
      const id = nextId++;
      const target = running();
      target.ref();
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, request } satisfies WorkerRequest<Q>);
      });
    },
    async close() {
      const current = worker;
      // Its exit is no longer `worker`'s: the requests it had are failed here, never left waiting.
      failAll(new Error('the worker was stopped'));
      if (current) await current.terminate();
    },
  };
}
