import * as encoding from 'lib0/encoding';

/** One hand-written struct: a string item placed by origin / right origin / parent. */
export interface CraftedString {
  text: string;
  origin?: [client: number, clock: number];
  rightOrigin?: [client: number, clock: number];
  parent?: [client: number, clock: number];
}

export interface CraftedSection {
  client: number;
  clock: number;
  structs: CraftedString[];
}

const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const CONTENT_STRING = 4;

/**
 * Writes a Yjs V1 update exactly as given — including shapes Yjs itself never produces (a client
 * in two sections, references that wait on each other) — to test what the server refuses.
 */
export function craftUpdate(
  sections: CraftedSection[],
  deletions: [client: number, clock: number, length: number][] = [],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(encoder, section.structs.length);
    encoding.writeVarUint(encoder, section.client);
    encoding.writeVarUint(encoder, section.clock);
    for (const struct of section.structs) {
      encoding.writeUint8(
        encoder,
        CONTENT_STRING | (struct.origin ? HAS_ORIGIN : 0) | (struct.rightOrigin ? HAS_RIGHT_ORIGIN : 0),
      );
      for (const id of [struct.origin, struct.rightOrigin]) {
        if (!id) continue;
        encoding.writeVarUint(encoder, id[0]);
        encoding.writeVarUint(encoder, id[1]);
      }
      if (!struct.origin && !struct.rightOrigin) {
        const [client, clock] = struct.parent ?? [0, 0];
        encoding.writeVarUint(encoder, 0); // the parent is an item id (not a root type's name)
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, clock);
      }
      encoding.writeVarString(encoder, struct.text);
    }
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, length] of deletions)
    byClient.set(client, [...(byClient.get(client) ?? []), [clock, length]]);
  encoding.writeVarUint(encoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}
