import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SERVER_RUNTIME_FLAGS } from '@/server/runtime-flags';

export type ServerKind = 'ours' | 'reference';

export interface RunningServer {
  kind: ServerKind;
  port: number;
  child: ChildProcess;
  /** Resident memory of the server process, in bytes. */
  rssBytes(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.match(pattern);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited before it was ready (${code}): ${buffered}`)));
  });
}

function running(kind: ServerKind, child: ChildProcess, port: number): RunningServer {
  child.stdout!.resume();
  return {
    kind,
    port,
    child,
    rssBytes() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}

/** A port nothing listens on right now (PORT must be at least 1, so the server cannot pick one itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Our production entry point, exactly as `npm start` runs it, on a prepared database. */
export async function startOurs(databasePath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [...SERVER_RUNTIME_FLAGS, path.join('server', 'main.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      SEED_DEMO: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = await waitForLine(child, /ready on http:\/\/localhost:(\d+)/);
  return running('ours', child, Number(match[1]));
}

/** The reference y-websocket server in its own process. */
export async function startReference(): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.join('bench', 'reference-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = await waitForLine(child, /\{"port":(\d+)\}/);
  return running('reference', child, Number(match[1]));
}
