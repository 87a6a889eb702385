import { after, before } from 'node:test';
import type { DbHandle } from '@/db/client';
import { startMailOutbox } from '@/server/services/mail/outbox';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/**
 * For a test file: a real SMTP sink and the app's outbox sending to it (started before the tests,
 * stopped after), with PUBLIC_URL set for absolute links. Returns the sink once started.
 */
export function mailThroughSink(handle: DbHandle, publicUrl: string): () => SmtpSink {
  let sink: SmtpSink | undefined;
  let stopOutbox = () => {};
  before(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.PUBLIC_URL = publicUrl;
    stopOutbox = startMailOutbox(handle.db, { pollMs: 60_000 });
  });
  after(async () => {
    stopOutbox();
    await sink?.stop();
  });
  return () => sink!;
}
