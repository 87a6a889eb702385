'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import type { AuditFilterValues } from './audit-filters';

type Facets = RouterOutputs['audit']['facets'];

const EMPTY: AuditFilterValues = {
  actorUserId: '',
  partyId: '',
  action: '',
  entityType: '',
  entityId: '',
  from: '',
  to: '',
};

/** The audit screen's filters: each choice applies at once; the entity id and the days on "Apply". */
export function AuditFilters({
  facets,
  filters,
  onChange,
}: {
  facets: Facets | undefined;
  filters: AuditFilterValues;
  onChange: (filters: AuditFilterValues) => void;
}) {
  const t = useTranslations();
  const [typed, setTyped] = useState({ entityId: filters.entityId, from: filters.from, to: filters.to });
  const choose = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    onChange({ ...filters, ...typed, [key]: event.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, ...typed });
  };
  const clear = () => {
    setTyped({ entityId: '', from: '', to: '' });
    onChange(EMPTY);
  };
  return (
    <form className="filters audit-filters" aria-label={t('audit.filters')} onSubmit={apply}>
      <select aria-label={t('audit.filter.actor')} value={filters.actorUserId} onChange={choose('actorUserId')}>
        <option value="">{t('audit.filter.anyActor')}</option>
        {facets?.actors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {actor.name}
          </option>
        ))}
      </select>
      <select aria-label={t('audit.filter.party')} value={filters.partyId} onChange={choose('partyId')}>
        <option value="">{t('audit.filter.anyParty')}</option>
        {facets?.parties.map((party) => (
          <option key={party.id} value={party.id}>
            {party.code} — {party.name}
          </option>
        ))}
      </select>
      <select aria-label={t('audit.filter.action')} value={filters.action} onChange={choose('action')}>
        <option value="">{t('audit.filter.anyAction')}</option>
        {facets?.actions.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </select>
      <select aria-label={t('audit.filter.entityType')} value={filters.entityType} onChange={choose('entityType')}>
        <option value="">{t('audit.filter.anyEntity')}</option>
        {facets?.entityTypes.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <input
        aria-label={t('audit.filter.entityId')}
        placeholder={t('audit.filter.entityId')}
        maxLength={200}
        value={typed.entityId}
        onChange={(event) => setTyped({ ...typed, entityId: event.target.value })}
      />
      <label className="inline-field">
        {t('audit.filter.from')}
        <input type="date" value={typed.from} onChange={(event) => setTyped({ ...typed, from: event.target.value })} />
      </label>
      <label className="inline-field">
        {t('audit.filter.to')}
        <input type="date" value={typed.to} onChange={(event) => setTyped({ ...typed, to: event.target.value })} />
      </label>
      <button type="submit" className="button small">
        {t('audit.filter.apply')}
      </button>
      <button type="button" className="button small secondary" onClick={clear}>
        {t('audit.filter.clear')}
      </button>
    </form>
  );
}
