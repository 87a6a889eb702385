'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';

interface Props {
  name: string;
  label: MessageKey;
  defaultValue?: string;
  /** Required unless told otherwise. */
  required?: boolean;
}

/**
 * A labelled choice of one of the instance's parties (several: PartyCheckboxes). It never
 * preselects a party: it starts on "Choose a party…" and must be chosen (an existing value, when
 * editing, is shown as chosen).
 */
export function PartySelect({ name, label, defaultValue, required }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const parties = useQuery(trpc.parties.list.queryOptions());
  const options = parties.data ?? [];
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select name={name} required={required ?? true} defaultValue={defaultValue ?? ''}>
        <option value="" disabled>
          {t('parties.choose')}
        </option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {parties.isSuccess && options.length === 0 && <span className="muted small">{t('parties.none')}</span>}
    </label>
  );
}
