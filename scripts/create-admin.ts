// Creates an instance administrator for a real deployment (`npm run create-admin -- --help`).
import { parseArgs } from 'node:util';
import { closeDb, databasePathFromEnv, getDb } from '../db/client';
import { DomainError } from '../server/services/domain-error';
import { createInstanceAdmin } from '../server/services/instance-admins';

const USAGE = `Usage: npm run create-admin -- --email a@b.org --name "Full Name"

Creates an instance administrator in the database at DATABASE_PATH (default ./data/compact.db).
The account has no party: a person represents a party inside each compact (chosen when they
create the compact or are invited to it); add the parties under /admin after signing in.
The password is read from ADMIN_PASSWORD, or asked for on a terminal, or read from standard input.`;

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let typed = '';
    process.stdout.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const stop = () => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          stop();
          reject(new Error('Cancelled.'));
          return;
        }
        if (char === '\r' || char === '\n') {
          stop();
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
  if (first !== second) throw new DomainError('BAD_REQUEST', { key: 'errors.instanceAdmins.passwordsDiffer' });
  return first;
}

async function main(): Promise<number> {
  let values: { email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    // e.g. the --party options of earlier versions: the party is chosen per compact now.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.email || !values.name) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const password = await readPassword();
  const created = await createInstanceAdmin(getDb().db, { email: values.email, name: values.name }, password);
  console.log(`Created instance administrator ${created.name} <${created.email}> in ${databasePathFromEnv()}.

Next:
  1. Start the app for real use without the demo accounts, e.g. behind your https proxy:
       SEED_DEMO=0 TRUST_PROXY=1 npm start
  2. Sign in as ${created.email}, open Administration (/admin), add the parties and create compacts
     (choosing the party you represent in each).
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
