// Verifies an exported audit log offline (`npm run audit:verify -- <file.jsonl> [--head <hash>]`).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyChain, type StoredChainRow } from '../server/services/audit-chain';

const USAGE = `Usage: npm run audit:verify -- <audit-log.jsonl> [--head <hash>]

Checks every event of an audit log exported from a compact's "Audit log" (JSON Lines): each event
follows the one before it and its hash is that of its content. Reports the first event where the
chain breaks. With --head, also checks that the file ends at that head hash (one published earlier,
e.g. in a review pack): a file missing its newest events ends elsewhere.`;

function* rowsOf(text: string): Generator<StoredChainRow> {
  let line = 0;
  for (const raw of text.split('\n')) {
    line += 1;
    if (raw.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      throw new Error(`Line ${line} is not JSON.`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new Error(`Line ${line} is not an audit event.`);
    yield row as StoredChainRow;
  }
}

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { head: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (values.help || !file) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const verdict = verifyChain(rowsOf(fs.readFileSync(file, 'utf8')));
  if (!verdict.ok) {
    console.error(
      `BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.events} events verify before it).`,
    );
    return 1;
  }
  if (values.head !== undefined && values.head !== verdict.head) {
    console.error(`The chain verifies (${verdict.events} events) but ends at ${verdict.head}, not at ${values.head}.`);
    return 1;
  }
  console.log(`Verified: ${verdict.events} events; head ${verdict.head || '(empty chain)'}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
