import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3212);
const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3213);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A failed test keeps its trace (test-results/…/trace.zip: network, WebSocket frames, DOM) for diagnosis.
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // A real local SMTP server for the app's e-mails; tests read what it received (tests/e2e/mail.ts).
      command: `E2E_SMTP_PORT=${SMTP_PORT} E2E_MAIL_HTTP_PORT=${MAIL_HTTP_PORT} node --import ./scripts/server-runtime.mjs tests/e2e/mail-sink-server.ts`,
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/messages`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // The production entry point on a fresh database, seeded with the demo, sending e-mail to the sink.
      command: `rm -rf tests/.tmp/e2e && NODE_ENV=production PORT=${PORT} DATABASE_PATH=tests/.tmp/e2e/compact.db SMTP_URL=smtp://127.0.0.1:${SMTP_PORT} PUBLIC_URL=http://localhost:${PORT} node --import ./scripts/server-runtime.mjs server/main.ts`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
