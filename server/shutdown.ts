import 'server-only';
import type { AppServer } from './app-server';

/**
 * On SIGTERM / SIGINT: stop accepting requests, close every socket, checkpoint and unload every
 * document, close the database, exit 0. (Updates are already on disk as they arrive.)
 */
export function closeCleanlyOnSignals(app: AppServer, closeDatabase: () => void): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and flushing documents…`);
    app.http.close();
    await app.collab.close();
    closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
