// The e2e run's mail server: a real SMTP server (the app's SMTP_URL points here) whose received
// messages the browser tests read over HTTP (GET /messages). Started by playwright.config.ts.
import http from 'node:http';
import { startSmtpSink } from '../helpers/smtp-sink';

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3212);
const httpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3213);

const sink = await startSmtpSink(smtpPort);
http
  .createServer((request, response) => {
    if (request.url !== '/messages') {
      response.writeHead(404).end();
      return;
    }
    const messages = sink.messages().map(({ to, subject, text }) => ({ to, subject, text }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
  })
  .listen(httpPort, '127.0.0.1');
console.log(`Mail sink: SMTP ${sink.url}, messages at http://127.0.0.1:${httpPort}/messages`);
