import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { contributorsBetween, snapshotAt } from '@/server/services/versions/text-snapshot';
import { listVersions } from '@/server/services/versions/version-list';
import { insertVersion } from '@/server/services/versions/version-writes';
import { appendDocUpdate } from '@/server/services/document-store';
import { contentToYUpdate } from '@/server/editor/document-content';
import { addMember, buildCompact, buildParty, buildUser } from '@/tests/helpers/factories';
import { medianOf, row, type Row } from '../lib/rows';
import { percentile } from '../lib/stats';

const PAGE = 50;

/** 8. One page of a compact's version history (newest first, contributors named), server-side. */
export async function benchVersionHistory(runs: number, versionCount: number, samples: number): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-bench-versions-'));
  const handle = openDatabase(path.join(dir, 'compact.db'));
  try {
    const compactId = buildCompact(handle, { text: 'The parties meet every quarter.' }).id;
    const parties = [buildParty(handle).id, buildParty(handle).id, buildParty(handle).id];
    const people = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const person = await buildUser(handle);
        const partyId = parties[i % parties.length]!;
        addMember(handle, compactId, person.id, 'negotiator', partyId);
        return { userId: person.id, partyId };
      }),
    );
    // Each version follows stored updates by three of the people in turn, so its contributors are
    // counted from the log as the server does (the text itself does not matter to the list).
    const update = contentToYUpdate({ type: 'doc', content: [{ type: 'paragraph' }] });
    const text = snapshotAt(handle.db, compactId, 0);
    for (let number = 1; number <= versionCount; number++) {
      let upto = 0;
      for (let k = 0; k < 3; k++)
        upto = appendDocUpdate(handle.db, compactId, update, people[(number * 3 + k) % people.length]!);
      const snapshot = { ...text, uptoUpdateId: upto };
      insertVersion(handle.db, number % 10 === 0 ? people[0]! : { userId: null, partyId: null }, {
        compactId,
        kind: number % 10 === 0 ? 'named' : 'auto',
        name: number % 10 === 0 ? `Rev.${number}` : null,
        symbol: null,
        note: null,
        snapshot,
        contributors: contributorsBetween(handle.db, compactId, upto - 3, upto),
        follows: number - 1,
        createdBy: number % 10 === 0 ? people[0]!.userId : null,
      });
    }
    const results: { p50: number; p95: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const times: number[] = [];
      for (let i = 0; i < samples + 3; i++) {
        // Any page: the newest, or one continued from anywhere in the history.
        const before = i % 4 === 0 ? undefined : 1 + Math.floor(Math.random() * versionCount);
        const start = performance.now();
        const page = listVersions(handle.db, compactId, { before, limit: PAGE });
        if (i >= 3) times.push(performance.now() - start);
        if (before === undefined && page.versions.length !== Math.min(PAGE, versionCount))
          throw new Error('the history page is short');
      }
      results.push({ p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    const label = `history: list one page (${PAGE}) of ${versionCount} versions`;
    return [
      row(
        `${label}: p50 (ms)`,
        medianOf(results, (r) => r.p50),
        null,
        { kind: 'reported' },
      ),
      row(
        `${label}: p95 (ms)`,
        medianOf(results, (r) => r.p95),
        null,
        { kind: 'at-most', value: 100 },
      ),
    ];
  } finally {
    handle.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
