// Value lists shared by the schema, the services and the browser (no drizzle imports here).
// Compact roles are in roles.ts; indicator statuses in framework/indicator-status.ts.

export const PARTY_KINDS = [
  'host-government',
  'un-secretariat',
  'un-mission',
  'tpcc',
  'regional-organisation',
  'other',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const ACCESS_LINK_KINDS = ['invite', 'password-reset'] as const;
export type AccessLinkKind = (typeof ACCESS_LINK_KINDS)[number];

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

export const INDICATOR_LEVELS = ['impact', 'outcome', 'output'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export const INDICATOR_MEASURES = ['number', 'percentage', 'qualitative'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export const INDICATOR_AGGREGATIONS = ['per-period', 'cumulative'] as const;
export const INDICATOR_STATES = ['proposed', 'active', 'retired'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

export const PROGRESS_STATES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export const RATINGS = ['on-track', 'at-risk', 'off-track'] as const;
