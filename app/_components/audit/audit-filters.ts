/** The audit screen's filters as the page's address carries them (so a filtered view can be linked). */
export interface AuditFilterValues {
  actorUserId: string;
  partyId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** YYYY-MM-DD (UTC days, inclusive). */
  from: string;
  to: string;
}

export const FILTER_KEYS = ['actorUserId', 'partyId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

export function filtersFromSearch(search: URLSearchParams): AuditFilterValues {
  const value = (key: (typeof FILTER_KEYS)[number]) => (search.get(key) ?? '').slice(0, 200);
  return {
    actorUserId: value('actorUserId'),
    partyId: value('partyId'),
    action: value('action'),
    entityType: value('entityType'),
    entityId: value('entityId'),
    from: value('from'),
    to: value('to'),
  };
}

export function searchOfFilters(filters: AuditFilterValues): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const startOfDay = (day: string) => (DAY.test(day) ? Date.parse(`${day}T00:00:00.000Z`) : NaN);

/** The filters as the server takes them: empty ones left out, days as the first and last millisecond (UTC). */
export function queryOfFilters(filters: AuditFilterValues) {
  const text = (value: string) => value.trim() || undefined;
  const from = startOfDay(filters.from);
  const to = startOfDay(filters.to);
  return {
    actorUserId: text(filters.actorUserId),
    partyId: text(filters.partyId),
    action: text(filters.action),
    entityType: text(filters.entityType),
    entityId: text(filters.entityId),
    from: Number.isNaN(from) ? undefined : from,
    to: Number.isNaN(to) ? undefined : to + 86_399_999,
  };
}
