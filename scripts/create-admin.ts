// Creates an instance administrator for a real deployment (`npm run create-admin -- --help`).
import { parseArgs } from 'node:util';
import { closeDb, databasePathFromEnv, getDb } from '../db/client';
import { DomainError } from '../server/services/domain-error';
import { createInstanceAdmin } from '../server/services/instance-admins';

const USAGE = `Usage: npm run create-admin -- --email a@b.org --name "Full Name" --party "UN Secretariat" [--party-code UNS] [--party-kind un-secretariat]

Creates an instance administrator in the database at DATABASE_PATH (default ./data/compact.db).
The party is found by name or short code, or created (code: the initials unless --party-code;
kind: other unless --party-kind).
The password is read from ADMIN_PASSWORD, or asked for on a terminal, or read from standard input.`;

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let typed = '';
    process.stdout.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          input.setRawMode(false);
          reject(new Error('Cancelled.'));
          return;
        }
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden('Password (at least 10 characters): ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new DomainError('BAD_REQUEST', 'The two passwords differ.');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      party: { type: 'string' },
      'party-code': { type: 'string' },
      'party-kind': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name || !values.party) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const password = await readPassword();
  const created = await createInstanceAdmin(
    getDb().db,
    {
      email: values.email,
      name: values.name,
      party: values.party,
      partyCode: values['party-code'],
      partyKind: values['party-kind'],
    },
    password,
  );
  console.log(`Created instance administrator ${created.name} <${created.email}> of ${created.partyName}${created.partyCreated ? ' (party created)' : ''} in ${databasePathFromEnv()}.

Next:
  1. Start the app for real use without the demo accounts, e.g. behind your https proxy:
       SEED_DEMO=0 TRUST_PROXY=1 npm start
  2. Sign in as ${created.email}, open Administration (/admin), add the parties and create compacts.
  3. In each compact, invite its members from the Members panel (one-time links).`);
  return 0;
}

main()
  .then((code) => {
    closeDb();
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    closeDb();
    console.error(
      error instanceof DomainError || (error instanceof Error && error.message === 'Cancelled.')
        ? error.message
        : error,
    );
    process.exitCode = 1;
  });
