import 'server-only';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { sameOwner, type ClientOwner } from '../services/doc-clients';
import type { RoomClientIds } from './client-ids';
import { CLOSE, type CloseReason } from '@/shared/collab/close-codes';
import { markNameOf, type DocumentRules } from './document-rules';

export type UpdateVerdict =
  | {
      ok: true;
      newClientIds: number[];
      /** It writes brackets, options, provisions or their attributes: the party rules judge its effect. */
      touchesNegotiation: boolean;
    }
  | { ok: false; refusal: CloseReason; detail: string };

const NEGOTIATION_ELEMENTS = new Set(['provision', 'option']);
const NEGOTIATION_ATTRIBUTES = new Set(['id', 'kind', 'state', 'partyId', 'userId']);

function touchesNegotiation(item: Y.Item, key: string | null | undefined): boolean {
  const content = item.content;
  if (content instanceof Y.ContentFormat) return markNameOf(content.key) === 'bracket';
  if (content instanceof Y.ContentAny) return typeof key === 'string' && NEGOTIATION_ATTRIBUTES.has(key);
  return (
    content instanceof Y.ContentType &&
    content.type instanceof Y.XmlElement &&
    NEGOTIATION_ELEMENTS.has(content.type.nodeName)
  );
}

const refuse = (refusal: CloseReason, detail: string): UpdateVerdict => ({ ok: false, refusal, detail });

interface ClientRange {
  start: number;
  end: number;
}

/**
 * Decode-level checks of a client's update against the server's document, before anything
 * is integrated or stored. Only structs the server does not have yet are checked:
 * - every client id they are written under belongs to the sender (or to nobody yet);
 * - everything they refer to (origins, parents, deleted ranges) is known, so the update
 *   integrates completely — nothing is left pending;
 * - names, attributes and value sizes stay within the editor schema.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: ClientOwner,
  ids: Pick<RoomClientIds, 'owners' | 'holderOf'>,
  rules: DocumentRules,
): UpdateVerdict {
  const { structs, ds } = Y.decodeUpdate(update);
  const states = new Map<number, number>();
  const stateOf = (client: number) => {
    let state = states.get(client);
    if (state === undefined) states.set(client, (state = Y.getState(doc.store, client)));
    return state;
  };
  // One section per client, as Yjs writes them (it reads a repeated section as a replacement).
  const ranges = new Map<number, ClientRange>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const range = ranges.get(client);
    if (range) range.end = clock + struct.length;
    else ranges.set(client, { start: clock, end: clock + struct.length });
  }
  if (decoding.readVarUint(decoding.createDecoder(update)) !== ranges.size)
    return refuse(CLOSE.malformed, 'a client appears in two sections');

  const newClientIds: number[] = [];
  for (const [client, range] of ranges) {
    const state = stateOf(client);
    if (range.end <= state) continue;
    if (range.start > state)
      return refuse(CLOSE.unknownDependency, `client ${client} starts at ${range.start}, server has ${state}`);
    // Held in the document or claimed in presence by someone else: not the sender's to write under.
    const holder = ids.holderOf(client);
    if (holder && !sameOwner(holder, author))
      return refuse(CLOSE.clientIdTaken, `client ${client} belongs to someone else`);
    if (!ids.owners.has(client)) newClientIds.push(client);
  }

  const isKnown = (id: Y.ID) => {
    if (id.clock < stateOf(id.client)) return true;
    const range = ranges.get(id.client);
    return range !== undefined && id.clock >= range.start && id.clock < range.end;
  };
  const keyOf = mapKeyResolver(doc, structs, stateOf);
  let negotiation = false;

  for (const struct of structs) {
    if (struct.id.clock + struct.length <= stateOf(struct.id.client)) continue;
    if (struct instanceof Y.Skip) return refuse(CLOSE.unknownDependency, 'the update has a gap');
    if (!(struct instanceof Y.Item)) continue;
    for (const id of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (!id) continue;
      if (!isKnown(id)) return refuse(CLOSE.unknownDependency, `refers to unknown ${id.client}:${id.clock}`);
      // Within one client, Yjs integrates in clock order: a reference forward cannot be satisfied.
      if (id.client === struct.id.client && id.clock >= struct.id.clock)
        return refuse(CLOSE.malformed, 'refers forward within its own client');
    }
    // Decoded, not yet integrated: a parent is an ID, a root type's name, or null (taken from the origin).
    const parent: unknown = struct.parent;
    if (typeof parent === 'string' && !rules.rootNames.has(parent))
      return refuse(CLOSE.outsideSchema, `root type ${parent.slice(0, 40)}`);
    const key = keyOf(struct);
    const problem = contentProblem(struct, key, rules);
    if (problem) return refuse(CLOSE.outsideSchema, problem);
    negotiation ||= touchesNegotiation(struct, key);
  }

  for (const [client, deletions] of ds.clients) {
    const limit = Math.max(stateOf(client), ranges.get(client)?.end ?? 0);
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > limit)
        return refuse(CLOSE.unknownDependency, `deletes unknown ${client}:${deletion.clock}`);
    }
  }
  return { ok: true, newClientIds, touchesNegotiation: negotiation };
}

/**
 * The map key (attribute name) an item is written under: its own, or — when the encoding left
 * it out because it follows an origin — its origin's. null for list content; undefined when the
 * neighbour is gone or unknown (a gc'd parent: Yjs discards the item; an unknown one is refused
 * by the dependency check). Memoised, so a chain of overwrites costs one step per item.
 */
function mapKeyResolver(doc: Y.Doc, structs: (Y.Item | Y.GC | Y.Skip)[], stateOf: (client: number) => number) {
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>(); // sorted by clock: one section per client
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const inUpdate = (id: Y.ID) => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return undefined;
  };
  const memo = new Map<Y.Item, string | null | undefined>();
  const resolve = (start: Y.Item): string | null | undefined => {
    const chain: Y.Item[] = [];
    let item: Y.Item | undefined = start;
    let key: string | null | undefined;
    while (item) {
      if (memo.has(item)) {
        key = memo.get(item);
        break;
      }
      if (item.parentSub !== null || item.parent !== null) {
        key = item.parentSub;
        break;
      }
      chain.push(item);
      if (chain.length > structs.length) break; // a cycle: refused below as unknown
      const neighbour: Y.ID | null = item.origin ?? item.rightOrigin;
      if (!neighbour) {
        key = null;
        break;
      }
      const local: Y.Item | Y.GC | Y.Skip | undefined =
        neighbour.clock >= stateOf(neighbour.client) ? inUpdate(neighbour) : undefined;
      if (local) {
        item = local instanceof Y.Item ? local : undefined;
        continue;
      }
      if (neighbour.clock >= stateOf(neighbour.client)) break;
      const stored = Y.getItem(doc.store, neighbour);
      key = stored instanceof Y.Item ? stored.parentSub : undefined;
      break;
    }
    for (const visited of chain) memo.set(visited, key);
    return key;
  };
  return resolve;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

/** Why this item's content is outside the schema, or null. `key` is its map key (attribute name), if any. */
function contentProblem(item: Y.Item, key: string | null | undefined, rules: DocumentRules): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentAny) {
    if (key === undefined) return null; // its parent is gone: Yjs discards it
    if (key === null) return 'list values are not part of the schema';
    if (!rules.attributeNames.has(key)) return `attribute ${key.slice(0, 40)}`;
    if (jsonBytes(content.arr) > rules.maxValueBytes) return `attribute ${key} too large`;
    return null;
  }
  if (typeof key === 'string') return `map value of type ${content.constructor.name}`;
  if (content instanceof Y.ContentString) return null;
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement)
      return rules.elementNames.has(type.nodeName) ? null : `element ${type.nodeName.slice(0, 40)}`;
    return type.constructor === Y.XmlText ? null : `shared type ${type.constructor.name}`;
  }
  if (content instanceof Y.ContentFormat) {
    const name = markNameOf(content.key);
    const allowed = rules.marks.get(name);
    if (!allowed) return `mark ${content.key.slice(0, 40)}`;
    // A mark that excludes itself (a bracket: one proposer per character) is only ever written under
    // its own name; a hashed key would let a second bracket sit on the same words.
    if (content.key !== name && !rules.overlappingMarks.has(name)) return `mark ${content.key.slice(0, 40)} key`;
    const value: unknown = content.value;
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) return `mark ${content.key} value`;
    if (Object.keys(value).some((name) => !allowed.has(name))) return `mark ${content.key} attribute`;
    return jsonBytes(value) > rules.maxValueBytes ? `mark ${content.key} too large` : null;
  }
  return `content ${content.constructor.name}`;
}
