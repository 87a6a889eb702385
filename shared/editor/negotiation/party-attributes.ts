import type { Attributes } from '@tiptap/core';

/** Who proposed a bracket or an option: flat strings, as the server checks them on the wire. */
export interface ProposerAttributes {
  partyId: string | null;
  userId: string | null;
}

/** `{ partyId, userId }` rendered as `data-party-id` / `data-user-id` and read back from them. */
export function proposerAttributes(): Attributes {
  return {
    partyId: {
      default: null,
      parseHTML: (element) => element.getAttribute('data-party-id'),
      renderHTML: (attributes) => (attributes.partyId ? { 'data-party-id': attributes.partyId } : {}),
    },
    userId: {
      default: null,
      parseHTML: (element) => element.getAttribute('data-user-id'),
      renderHTML: (attributes) => (attributes.userId ? { 'data-user-id': attributes.userId } : {}),
    },
  };
}
