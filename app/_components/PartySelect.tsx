'use client';

import { useQuery } from '@tanstack/react-query';
import { t, type MessageKey } from '@/app/_lib/messages';
import { useTRPC } from '@/app/_lib/trpc';

interface Props {
  name: string;
  label: MessageKey;
  defaultValue?: string | string[];
  required?: boolean;
  multiple?: boolean;
}

/** A labelled choice among the instance's parties (one, or several with `multiple`). */
export function PartySelect({ name, label, defaultValue, required, multiple }: Props) {
  const trpc = useTRPC();
  const parties = useQuery(trpc.parties.list.queryOptions());
  const options = parties.data ?? [];
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select
        name={name}
        required={required}
        multiple={multiple}
        size={multiple ? Math.min(5, Math.max(options.length, 3)) : undefined}
        defaultValue={defaultValue}
      >
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
