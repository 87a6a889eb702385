'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '@/app/_components/FormFooter';
import { useFormatter, useTranslations } from 'next-intl';
import { problemLine } from '@/i18n/problem';
import { useTRPC } from '@/app/_lib/trpc';
import { MAX_TARGET_TEXT_LENGTH, readTargetRow, type TargetTableRow } from '@/shared/framework/target-table';
import { StatusNotice } from '@/app/_components/StatusNotice';

/** One row of the table: a period or a year, the target in force and the one set for it (if any). */
export interface TargetTableLine {
  key: string;
  label: string;
  scope: { periodId: string } | { year: number };
  /** What counts now (own, yearly or interpolated), shown for reference. */
  inForce: { value: number | null; interpolated: boolean };
  /** The target set for exactly this period or year (the cell starts with it); null when none. */
  own: number | null;
}

/** The changed rows of the form: a typed value that differs from the row's own target, or a ticked Clear. */
function changedRows(form: FormData, lines: readonly TargetTableLine[]) {
  const rows: { line: TargetTableLine; row: TargetTableRow }[] = [];
  for (const line of lines) {
    if (form.get(`clear:${line.key}`) === 'on') {
      rows.push({ line, row: { ...line.scope, clear: true } });
      continue;
    }
    const text = String(form.get(`value:${line.key}`) ?? '').trim();
    // An empty cell changes nothing (clearing is the Clear box); an unchanged value is not sent.
    if (text === '' || (line.own !== null && text === String(line.own))) continue;
    rows.push({ line, row: { ...line.scope, value: text } });
  }
  return rows;
}

/**
 * Targets for many periods (and years) in one table: a cell per row, saved together in one
 * all-or-nothing mutation. A bad row is named next to its cell and nothing is sent; clearing a
 * target is its own box, never an empty cell.
 */
export function TargetTableForm(props: {
  compactId: string;
  indicatorId: string;
  measure: string;
  lines: readonly TargetTableLine[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const { compactId, indicatorId, measure, lines } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const save = useMutation(
    trpc.indicators.setTargets.mutationOptions({
      onSuccess: (result) => {
        setNotice(t('indicator.targetsSaved', { count: result.saved }));
        setGeneration((g) => g + 1);
        void queryClient.invalidateQueries();
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const rows = changedRows(new FormData(event.currentTarget), lines);
    const found = new Map<string, string>();
    for (const { line, row } of rows) {
      const reading = readTargetRow(line.label, measure, row);
      if (!reading.ok) found.set(line.key, problemLine(t, reading.problem));
    }
    setProblems(found);
    if (found.size > 0) return;
    if (rows.length === 0) {
      setNotice(t('indicator.targetsUnchanged'));
      return;
    }
    save.mutate({ compactId, indicatorId, rows: rows.map(({ row }) => row) });
  };
  return (
    <form key={generation} className="stack" onSubmit={submit} noValidate>
      <p className="muted small">{t('indicator.targetTableHint')}</p>
      <div className="table-scroll">
        <table className="table small target-table">
          <thead>
            <tr>
              <th scope="col">{t('indicator.forPeriod')}</th>
              <th scope="col">{t('indicator.targetInForce')}</th>
              <th scope="col">{t('indicator.newTarget')}</th>
              <th scope="col">{t('indicator.clearTarget')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const problem = problems.get(line.key);
              return (
                <tr key={line.key}>
                  <th scope="row">{line.label}</th>
                  <td>
                    {line.inForce.value === null
                      ? '—'
                      : format.number(Math.round(line.inForce.value * 10) / 10, 'value')}
                    {line.inForce.interpolated && <span className="muted"> ({t('indicator.interpolated')})</span>}
                  </td>
                  <td>
                    <input
                      name={`value:${line.key}`}
                      inputMode="decimal"
                      maxLength={MAX_TARGET_TEXT_LENGTH}
                      defaultValue={line.own === null ? '' : String(line.own)}
                      aria-label={t('indicator.newTargetFor', { period: line.label })}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `target-problem-${line.key}` : undefined}
                    />
                    {problem && (
                      <small id={`target-problem-${line.key}`} className="field-error">
                        {problem}
                      </small>
                    )}
                  </td>
                  <td>
                    {line.own !== null && (
                      <input
                        type="checkbox"
                        name={`clear:${line.key}`}
                        aria-label={t('indicator.clearTargetFor', { period: line.label })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.size > 0 && (
        <p className="alert error" role="alert">
          {t('indicator.targetRowsRefused', { rows: [...problems.values()].join(' ') })}
        </p>
      )}
      <StatusNotice className="alert success">{notice}</StatusNotice>
      <FormFooter error={save.error} pending={save.isPending} label={t('indicator.saveTargets')} small />
    </form>
  );
}
