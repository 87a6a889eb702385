// `npm run bench` — our collaboration server against the reference y-websocket server, same clients,
// same machine, alternating runs. `--quick` shrinks every size so CI can keep the code working.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { benchAuditChain } from './measures/audit-chain';
import { benchBurst } from './measures/burst';
import { benchCompare } from './measures/compare';
import { benchConcurrentReplay } from './measures/concurrent-replay';
import { benchDurability } from './measures/durability';
import { benchFrameworkQuery } from './measures/framework-query';
import { benchLargeDocument } from './measures/large-document';
import { benchPartyRules } from './measures/party-rules';
import { benchPropagation } from './measures/propagation';
import { benchRooms } from './measures/rooms';
import { benchVersionHistory } from './measures/version-history';
import type { Row } from './lib/rows';

const quick = process.argv.includes('--quick');
// Every WebsocketProvider registers a process 'exit' listener; hundreds of clients are expected here.
process.setMaxListeners(0);
const runs = quick ? 1 : 3;

function printTable(rows: Row[]) {
  const header = ['measure', 'ours', 'reference', 'ratio', 'goal', 'met?'];
  const cells = rows.map((r) => [
    r.measure,
    String(r.ours ?? '—'),
    String(r.reference ?? '—'),
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.goal,
    r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main() {
  const started = Date.now();
  // Our server runs as `npm start` does: from a production build.
  const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const rows: Row[] = [];
  const step = async (name: string, measure: () => Promise<Row[]>) => {
    const t = Date.now();
    process.stderr.write(`· ${name}…`);
    rows.push(...(await measure()));
    process.stderr.write(` ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  };
  await step('propagation', () => benchPropagation(runs, quick ? 200 : 3000));
  await step('burst', () => benchBurst(runs, quick ? 1000 : 10_000));
  await step('rooms', () =>
    benchRooms(
      runs,
      quick
        ? { docs: 20, clientsPerDoc: 3, writesPerSecond: 200, seconds: 3 }
        : { docs: 300, clientsPerDoc: 3, writesPerSecond: 1500, seconds: 15 },
    ),
  );
  await step('party rules', () => benchPartyRules(quick ? 500 : 5000));
  await step('durability', () => benchDurability(quick ? 3 : 20));
  await step('large document', () => benchLargeDocument(runs, quick));
  await step('concurrent replay', () => benchConcurrentReplay(quick));
  await step('framework query', () => benchFrameworkQuery(runs, quick ? 100 : 1000, 20, quick ? 5 : 30));
  await step('compare', () => benchCompare(quick));
  await step('audit chain', () => benchAuditChain(quick ? 10_000 : 100_000, quick ? 10 : 50));
  await step('version history', () => benchVersionHistory(runs, quick ? 100 : 1000, quick ? 20 : 200));

  printTable(rows);
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join('bench', 'results', `${date}${quick ? '-quick' : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(
    `\n${rows.filter((r) => r.met).length}/${rows.length} goals met in ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${file}`,
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
