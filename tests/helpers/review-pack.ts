import { getDb } from '@/db/client';
import { downloadReviewPack } from '@/server/http/export-routes';
import { seedDemoIfEmpty } from '@/server/services/demo-seed';
import { openReviewCycle } from '@/server/services/reviews/open-cycle';
import { signIn } from './factories';

/**
 * The demo compact with a review cycle cut off today (its first: the redline runs from the zero
 * draft), and the cookie of `email` (the reviewer unless told), signed in after `before` ran.
 */
export async function demoCycle(email = 'reviewer@secretariat.example', before?: (compactId: string) => void) {
  const handle = getDb();
  await seedDemoIfEmpty(handle.db);
  const person = (address: string) =>
    handle.sqlite
      .prepare(
        `SELECT m.compact_id AS compactId, m.user_id AS userId, m.party_id AS partyId, m.role
           FROM memberships m JOIN user u ON u.id = m.user_id WHERE u.email = ?`,
      )
      .get(address) as { compactId: string; userId: string; partyId: string; role: 'admin' };
  const admin = person('admin@secretariat.example');
  const cycle = openReviewCycle(handle.db, admin, {
    compactId: admin.compactId,
    name: `Annual review ${Math.random().toString(36).slice(2, 7)}`,
    cutOff: new Date().toISOString().slice(0, 10),
  });
  before?.(admin.compactId);
  const cookie = await signIn(handle, email, 'compact-demo');
  return { handle, compactId: admin.compactId, cycleId: cycle.id, cookie, cutOff: cycle.cutOffDate };
}

/** GET the pack route as a browser on this site (or `origin`), with any extra request headers. */
export const downloadPack = (
  compactId: string,
  cycleId: string,
  cookie: string,
  format: string,
  { origin = 'http://localhost:3000', headers = {} }: { origin?: string; headers?: Record<string, string> } = {},
) =>
  downloadReviewPack(
    new Request(`http://localhost:3000/api/compacts/${compactId}/reviews/${cycleId}/pack?format=${format}`, {
      headers: {
        host: 'localhost:3000',
        cookie,
        origin,
        'sec-fetch-site': origin === 'http://localhost:3000' ? 'same-origin' : 'cross-site',
        ...headers,
      },
    }),
    compactId,
    cycleId,
  );
