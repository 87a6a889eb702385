'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';

/** Picks the provision of the compact text an indicator implements ("OP 3 — The Mission shall…"). */
export function ProvisionSelect({ compactId, defaultValue }: { compactId: string; defaultValue: string | null }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const provisions = useQuery(trpc.provisions.list.queryOptions({ compactId }));
  // Until the list is there (or if it could not be had), the form sends the link it has: never a cleared one.
  if (!provisions.data) return <input type="hidden" name="provisionId" value={defaultValue ?? ''} />;
  return (
    <label className="field wide">
      <span>{t('indicator.provision')}</span>
      <select name="provisionId" defaultValue={defaultValue ?? ''}>
        <option value="">{t('indicator.noProvision')}</option>
        {provisions.data.map((provision) => (
          <option key={provision.id} value={provision.id}>
            {provision.label} — {provision.firstWords}
          </option>
        ))}
      </select>
    </label>
  );
}
