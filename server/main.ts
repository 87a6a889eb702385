import next from 'next';
import { closeDb, getDb } from '../db/client';
import { createAppServer } from './app-server';
import { config } from './config';
import { seedDemoIfEmpty } from './services/demo-seed';

/** The production entry point (`npm start`): migrations, demo seed, Next.js and collaboration on one port. */
async function main() {
  const dev = process.env.NODE_ENV !== 'production';
  const handle = getDb();
  if (config.seedDemo && (await seedDemoIfEmpty(handle.db))) console.log('Seeded the demo compact and accounts (password: compact-demo).');

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await app.prepare();
  const { http, collab } = createAppServer(handle, app.getRequestHandler(), {
    otherUpgrades: dev ? app.getUpgradeHandler() : undefined,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and flushing documents…`);
    http.close();
    await collab.close();
    closeDb();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  http.listen(config.port, config.host, () => {
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Compact Workspace ready on http://localhost:${port}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
