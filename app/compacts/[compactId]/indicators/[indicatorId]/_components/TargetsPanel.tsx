'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { t } from '@/app/_lib/messages';
import { useTRPC } from '@/app/_lib/trpc';
import { parseNumberInput } from '@/shared/framework/number-input';

interface Props {
  compactId: string;
  indicatorId: string;
  periods: { id: string; label: string }[];
  series: { periodId: string; label: string; target: { value: number | null; source: string } }[];
  history: { periodId: string | null; year: number | null; value: number | null; setAt: Date; setBy: string | null }[];
  canEdit: boolean;
}

export function TargetsPanel({ compactId, indicatorId, periods, series, history, canEdit }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const setTarget = useMutation(
    trpc.indicators.setTarget.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const label = new Map(periods.map((p) => [p.id, p.label]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const parsed = parseNumberInput(String(f.get('value') ?? ''));
    setProblem(parsed.ok ? null : parsed.problem);
    if (!parsed.ok) return;
    const value = parsed.value;
    const scope = String(f.get('scope'));
    setTarget.mutate({
      compactId,
      indicatorId,
      target: scope.startsWith('year:') ? { year: Number(scope.slice(5)), value } : { periodId: scope, value },
    });
  };
  const years = [...new Set(periods.map((p) => p.label.slice(0, 4)))];
  return (
    <section className="card side-card">
      <h2>{t('indicator.targets')}</h2>
      <table className="table small">
        <tbody>
          {series.map((p) => (
            <tr key={p.periodId}>
              <td>{p.label}</td>
              <td>
                {p.target.value === null ? '—' : Math.round(p.target.value * 10) / 10}
                {p.target.source === 'interpolated' && <span className="muted"> ({t('indicator.interpolated')})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form className="stack" onSubmit={submit}>
          <label className="field">
            <span>
              {t('indicator.forPeriod')} / {t('indicator.forYear')}
            </span>
            <select name="scope">
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              {years.map((y) => (
                <option key={y} value={`year:${y}`}>
                  {y} ({t('indicator.forYear')})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('indicator.target')}</span>
            <input name="value" inputMode="decimal" />
          </label>
          {problem ? (
            <p className="alert error" role="alert">
              {problem}
            </p>
          ) : null}
          <FormFooter error={setTarget.error} pending={setTarget.isPending} label={t('indicator.setTarget')} small />
        </form>
      )}
      {history.length > 0 && (
        <>
          <h3>{t('indicator.targetHistory')}</h3>
          <ul className="plain small">
            {history.map((h, i) => (
              <li key={i}>
                {h.periodId ? label.get(h.periodId) : h.year}: {h.value ?? '—'} · {h.setBy ?? ''} ·{' '}
                {new Date(h.setAt).toLocaleDateString()}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
