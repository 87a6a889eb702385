import 'server-only';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The previous hash of a chain's first event. */
export const CHAIN_GENESIS = '';

/** What an event's hash covers: every stored field but its row id and the hashes themselves. */
export interface ChainedEvent {
  compactId: string | null;
  actorUserId: string | null;
  actorPartyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** Milliseconds since the epoch, as stored. */
  createdAt: number;
}

/**
 * A string as the table keeps it: a lone surrogate (which JSON and a request body can carry, but
 * canonical JSON refuses and SQLite's text cannot hold) becomes U+FFFD, as SQLite would make it.
 */
export const storedText = (text: string): string => text.replace(/\p{Surrogate}/gu, '\uFFFD');

function storedKeysAndStrings(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.every((key) => storedText(key) === key)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storedText(key), inner]));
}

// JSON.stringify writes a lone surrogate as an escape (\udXXX) and a paired one as itself: text
// without such an escape holds none and is parsed once (a false match only costs a second pass).
const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/;

/** Parses JSON text into values as the table keeps them (see storedText). */
function parsedAsStored(text: string): unknown {
  if (!LONE_SURROGATE_ESCAPE.test(text)) return JSON.parse(text) as unknown;
  return JSON.parse(JSON.stringify(JSON.parse(text), storedKeysAndStrings)) as unknown;
}

/** A JSON value as it reads back from the table (dates as strings, undefined dropped, strings well formed). */
export const asStoredJson = (value: unknown): unknown =>
  value === undefined || value === null ? null : parsedAsStored(JSON.stringify(value));

/** A field of an event's before/after object (null when it is not an object or lacks the field). */
export const eventField = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : null;

/** A stored JSON column's value (null stays null), its strings well formed (rows written before they were). */
export const parsedJson = (text: string | null): unknown => (text === null ? null : parsedAsStored(text));

/**
 * RFC 8785 canonical JSON of an event, its values as stored (asStoredJson, parsedJson): equal
 * events, equal bytes, whatever the key order.
 */
export function canonicalEvent(event: ChainedEvent): string {
  const text = canonicalize({
    compactId: event.compactId,
    actorUserId: event.actorUserId,
    actorPartyId: event.actorPartyId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: event.createdAt,
  });
  if (text === undefined) throw new Error('An audit event has no canonical form.');
  return text;
}

/** `hash = SHA-256(previous hash + canonical JSON of the event)`, hex. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalEvent(event)).digest('hex');
}

export interface StoredChainRow extends ChainedEvent {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export type ChainVerdict =
  { ok: true; events: number; head: string } | { ok: false; events: number; brokenAt: number; reason: string };

/** An event's hash, or null for content no event could hold (a lone surrogate in an edited file). */
function hashOf(prevHash: string, row: StoredChainRow): string | null {
  try {
    return chainHash(prevHash, row);
  } catch {
    return null;
  }
}

/**
 * Verifies one chain's rows, in id order: each links to the previous hash and its hash is that of
 * its content. An edited byte, a deleted or reordered row breaks it at the first event concerned.
 * (Deleting the newest rows leaves a valid chain: compare `head` with a head published elsewhere.)
 */
export function verifyChain(rows: Iterable<StoredChainRow>): ChainVerdict {
  let previous = CHAIN_GENESIS;
  let events = 0;
  for (const row of rows) {
    if (row.prevHash !== previous)
      return { ok: false, events, brokenAt: row.id, reason: 'does not follow the event before it' };
    const hash = hashOf(previous, row);
    if (hash === null || row.hash !== hash)
      return { ok: false, events, brokenAt: row.id, reason: 'its content does not match its hash' };
    previous = hash;
    events += 1;
  }
  return { ok: true, events, head: previous };
}
