import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { recordAuditEvents } from '@/server/services/audit';
import { chainStatus, stopChainVerifier } from '@/server/services/audit-chain-status';
import { listAuditEvents } from '@/server/services/audit-query';
import { buildCompact } from '@/tests/helpers/factories';
import { row, type Row } from '../lib/rows';
import { percentile } from '../lib/stats';

const BATCH = 5000;

/** 8. The audit screen over a long chain: verifying every event (worker thread) and one filtered page. */
export async function benchAuditChain(events: number, samples: number): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-bench-audit-'));
  const handle = openDatabase(path.join(dir, 'compact.db'));
  try {
    const compactId = buildCompact(handle).id;
    const system = { userId: null, partyId: null };
    for (let written = 0; written < events; written += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, events - written) }, (_, i) => ({
        compactId,
        action: (written + i) % 7 === 0 ? 'progress.validated' : 'text.update-refused',
        entityType: 'indicator',
        entityId: `i${(written + i) % 500}`,
        before: { status: 'submitted' },
        after: { status: 'validated', value: written + i, note: 'Checked against the mission report.' },
      }));
      recordAuditEvents(handle.db, system, batch);
    }
    // The first check starts the worker; the measured ones verify every event afresh.
    await chainStatus(handle, compactId, { recheck: true });
    const verifyTimes: number[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(samples / 10)); i++) {
      const started = performance.now();
      const status = await chainStatus(handle, compactId, { recheck: true });
      verifyTimes.push(performance.now() - started);
      if (status.state !== 'verified') throw new Error('the benchmark chain does not verify');
    }
    const pageTimes: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      listAuditEvents(handle.db, compactId, { action: 'progress.validated', entityId: `i${(i * 7) % 500}` });
      pageTimes.push(performance.now() - started);
    }
    return [
      row(`audit: verify a chain of ${events} events, ms (worker)`, Math.max(...verifyTimes), null, {
        kind: 'at-most',
        value: 2000,
      }),
      row(`audit: one filtered page of ${events} events, p95 ms`, percentile(pageTimes, 95), null, {
        kind: 'reported',
      }),
    ];
  } finally {
    await stopChainVerifier();
    handle.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
