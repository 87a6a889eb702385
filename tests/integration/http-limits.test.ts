import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAppServer, type AppServer } from '@/server/app-server';
import { translatorFor } from '@/i18n/catalogues';
import { problemLine } from '@/i18n/problem';
import type { Problem } from '@/i18n/types';
import { config } from '@/server/config';

/** A trivial app behind the real custom server: reads the whole body and answers how many bytes it got. */
function startServer(): Promise<{ app: AppServer; port: number; bodiesRead: number[] }> {
  const bodiesRead: number[] = [];
  const app = createAppServer(
    (req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        bodiesRead.push(bytes);
        res.end(JSON.stringify({ bytes }));
      });
    },
    {
      collab: { handleUpgrade: () => false, close: async () => {}, writeUpdate: async () => null },
      development: false,
    },
  );
  return new Promise((resolve) => {
    app.http.listen(0, '127.0.0.1', () =>
      resolve({ app, port: (app.http.address() as net.AddressInfo).port, bodiesRead }),
    );
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sends raw bytes and resolves with everything the server sent back before closing. */
async function rawExchange(port: number, head: string, body: Buffer): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => {});
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.write(head);
  socket.write(body);
  await withTimeout(once(socket, 'close'), 10_000, 'the server to answer and close');
  return received;
}

function post(port: number, path: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      { port, host: '127.0.0.1', path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('a malformed setting stops the start instead of failing requests later', () => {
  const collab = { handleUpgrade: () => false, close: async () => {}, writeUpdate: async () => null };
  for (const name of ['BODY_LIMIT_AUTH_BYTES', 'TRPC_MAX_BATCH_SIZE', 'HEAVY_CALLS_PER_PERSON', 'CSV_MAX_COLUMNS']) {
    process.env[name] = 'ten';
    try {
      assert.throws(() => createAppServer(null, { collab }), new RegExp(`^Error: ${name} must be an integer`), name);
    } finally {
      delete process.env[name];
    }
  }
});

describe('the app server caps request bodies and sets security headers', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
  });
  after(() => server.app.http.close());

  test('a sign-in declaring a 200 MiB body is refused with 413 before anything reads it', async () => {
    const before = server.bodiesRead.length;
    const head = `POST /api/auth/sign-in/email HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`;
    const answer = await rawExchange(server.port, head, Buffer.alloc(4096, 0x20));
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.equal(server.bodiesRead.length, before, 'the app never saw the request');
  });

  test('a refused body is told why in the request’s language: an evidence file by its own limit', async () => {
    const answerOf = async (path: string, headers: string) => {
      const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Length: ${200 * 1024 * 1024}\r\n\r\n`;
      const raw = Buffer.from(await rawExchange(server.port, head, Buffer.alloc(1024, 0x20)), 'latin1').toString(
        'utf8',
      );
      assert.match(raw, /^HTTP\/1\.1 413 /);
      return JSON.parse(/\{.*\}/s.exec(raw)![0]) as { message: string; problem: Problem };
    };
    const evidence = await answerOf('/api/compacts/c1/evidence?updateId=u1', 'Accept-Language: fr-FR,fr;q=0.9\r\n');
    assert.deepEqual(evidence, {
      message: translatorFor('fr')('errors.evidence.evidenceFilesAreLimited'),
      problem: { key: 'errors.evidence.evidenceFilesAreLimited' },
    });
    const signIn = await answerOf('/api/auth/sign-in/email', 'Cookie: cw-locale=ar\r\nAccept-Language: fr\r\n');
    assert.equal(signIn.problem.key, 'errors.bodyLimits.requestTooLarge');
    assert.equal(signIn.message, problemLine(translatorFor('ar'), signIn.problem));
  });

  test('a chunked body past the cap is cut off with 413, and the app never gets all of it', async () => {
    const before = server.bodiesRead.length;
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const chunks = Math.ceil(config.bodyLimitAuthBytes / chunk.length) + 2;
    const head =
      'POST /api/auth/sign-in/email HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const framed = Buffer.concat(
      Array.from({ length: chunks }, () =>
        Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
      ),
    );
    // No final chunk: the client would go on sending; the server must stop it on its own.
    const answer = await rawExchange(server.port, head, framed);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.equal(server.bodiesRead.length, before, 'the app never got a complete body');
  });

  test('a request target that is not a valid URL is answered, and the server stays up', async () => {
    const answer = await rawExchange(
      server.port,
      'POST //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n',
      Buffer.from('{}'),
    );
    assert.match(answer, /^HTTP\/1\.1 \d{3} /);
    assert.equal((await fetch(`http://127.0.0.1:${server.port}/compacts`)).status > 0, true);
  });

  test('ordinary requests pass, chunked or not', async () => {
    const json = JSON.stringify({ email: 'someone@example.org', password: 'a long enough password' });
    assert.deepEqual(await post(server.port, '/api/auth/sign-in/email', json), {
      status: 200,
      body: JSON.stringify({ bytes: json.length }),
    });
    const chunked = await post(server.port, '/api/trpc/compacts.create', Buffer.alloc(200 * 1024, 0x20), {
      'transfer-encoding': 'chunked',
    });
    assert.equal(chunked.status, 200);
    assert.equal(chunked.body, JSON.stringify({ bytes: 200 * 1024 }));
  });

  test('a CSV import of the largest size the importer accepts fits its cap, while other tRPC calls keep the small one', async () => {
    const maxChars = config.csvMaxChars;
    // Three-byte characters: the most an honest CSV of that many characters weighs as JSON.
    const body = JSON.stringify({ 0: { json: { compactId: 'c'.repeat(36), csv: '€'.repeat(maxChars) } } });
    assert.equal((await post(server.port, '/api/trpc/framework.importFrameworkCsv?batch=1', body)).status, 200);
    const head = `POST /api/trpc/compacts.create?batch=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    assert.match(await rawExchange(server.port, head, Buffer.from(body.slice(0, 4096))), /^HTTP\/1\.1 413 /);
    const batched = head.replace('compacts.create', 'compacts.create,framework.importFrameworkCsv');
    assert.match(
      await rawExchange(server.port, batched, Buffer.from(body.slice(0, 4096))),
      /^HTTP\/1\.1 413 /,
      'naming a CSV import in a batch does not lift the cap',
    );
  });

  test('every response carries the CSP, framing, referrer and sniffing headers; token pages are never cached', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/compacts`);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      assert.ok(csp.includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('referrer-policy'), 'same-origin');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('cache-control'), null);
    for (const path of ['/invite/some-token', '/reset-password/some-token']) {
      assert.equal(
        (await fetch(`http://127.0.0.1:${server.port}${path}`)).headers.get('cache-control'),
        'no-store',
        path,
      );
    }
  });
});
