// Value lists shared by the schema, the services and the browser (no drizzle imports here).

export const PARTY_KINDS = ['host-government', 'un-secretariat', 'un-mission', 'tpcc', 'regional-organisation', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const COMPACT_ROLES = ['admin', 'negotiator', 'monitor', 'validator', 'reviewer'] as const;
export type CompactRole = (typeof COMPACT_ROLES)[number];

export const ACCESS_LINK_KINDS = ['invite', 'password-reset'] as const;
export type AccessLinkKind = (typeof ACCESS_LINK_KINDS)[number];
