'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';

interface Props {
  name: string;
  legend: MessageKey;
  defaultValue?: readonly string[];
  /** A hint under the legend (what the choice means, its limits). */
  hint?: string;
}

/**
 * A choice of several of the instance's parties: a fieldset of checkboxes under a legend (each a
 * labelled, keyboard-usable checkbox; none chosen unless editing). Submits one `name` value per
 * chosen party. The list scrolls inside its box when the instance has many parties.
 */
export function PartyCheckboxes({ name, legend, defaultValue = [], hint }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const parties = useQuery(trpc.parties.list.queryOptions());
  const options = parties.data ?? [];
  const hintId = useId();
  return (
    <fieldset className="field party-checks" aria-describedby={hint ? hintId : undefined}>
      <legend>{t(legend)}</legend>
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
      <div className="party-checks-list">
        {options.map((party) => (
          <label key={party.id} className="check">
            <input type="checkbox" name={name} value={party.id} defaultChecked={defaultValue.includes(party.id)} />{' '}
            {party.name}
          </label>
        ))}
      </div>
      {parties.isSuccess && options.length === 0 && <span className="muted small">{t('parties.none')}</span>}
    </fieldset>
  );
}
