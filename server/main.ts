import 'server-only';
import next from 'next';
import { checkpointWalPeriodically, closeDb, getDb } from '../db/client';
import { resolveActor } from './auth/actor';
import { createAppServer } from './app-server';
import { startCollabProcess } from './collab/collab-process-host';
import { config } from './config';
import { closeCleanlyOnSignals } from './shutdown';
import { prepareDemoAtStartup } from './services/demo-startup';
import { makeAutomaticVersionsPeriodically } from './services/versions/automatic-versions';
import { startMailOutbox } from './services/mail/outbox';
import { startNotificationSweep } from './services/notifications/deadline-notices';
import { deadlineAlerts } from './services/framework/deadline-alerts';

/**
 * The production entry point (`npm start`): migrations, the demo (for a local try-out only: see
 * demo-startup.ts), then one HTTP port serving Next.js and handing /collab/ WebSockets to the
 * collaboration process it forks.
 */
async function main() {
  const dev = process.env.NODE_ENV !== 'production';
  const handle = getDb();
  await prepareDemoAtStartup(handle.db, { seedDemo: config.seedDemo, trustProxy: config.trustProxy }, (message) =>
    console.warn(message),
  );

  checkpointWalPeriodically(handle);
  // Prime the session lookup that every collaboration upgrade makes.
  await resolveActor(handle, new Headers({ host: 'localhost', cookie: 'better-auth.session_token=warm-up' }));

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await app.prepare();
  const appServer = createAppServer(app.getRequestHandler(), {
    collab: await startCollabProcess(handle),
    otherUpgrades: dev ? app.getUpgradeHandler() : undefined,
  });
  // Automatic versions are made here: only the HTTP process appends audit events.
  const stopAutomaticVersions = makeAutomaticVersionsPeriodically(handle.db);
  appServer.http.on('close', stopAutomaticVersions);
  // E-mails leave from here, after the changes that queued them committed (nothing without SMTP_URL).
  appServer.http.on('close', startMailOutbox(handle.db));
  appServer.http.on('close', startNotificationSweep(handle.db, deadlineAlerts));
  closeCleanlyOnSignals(appServer, closeDb);
  const { http } = appServer;

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
