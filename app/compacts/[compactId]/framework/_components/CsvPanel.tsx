'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import type { CompactPermissions } from '@/app/_lib/router-types';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import { problemText } from '@/i18n/problem';
import { useTRPC } from '@/app/_lib/trpc';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** CSV export for everyone; import of indicators (admins) or of progress as drafts (monitors). */
export function CsvPanel({ compactId, can }: { compactId: string; can: CompactPermissions }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [separator, setSeparator] = useState<',' | ';'>(',');
  const importFramework = useMutation(
    trpc.framework.importFrameworkCsv.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const importProgress = useMutation(
    trpc.framework.importProgressCsv.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const importer = can.manageFramework ? importFramework : can.reportProgress ? importProgress : null;
  const imported = importer?.data;
  const rowErrors = importer?.error?.data?.csvErrors;

  const exportCsv = async (kind: 'framework' | 'progress') => {
    const options =
      kind === 'framework'
        ? trpc.framework.exportFrameworkCsv.queryOptions({ compactId, separator })
        : trpc.framework.exportProgressCsv.queryOptions({ compactId, separator });
    download(`${kind}.csv`, await queryClient.fetchQuery({ ...options, staleTime: 0 }));
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file && importer) importer.mutate({ compactId, csv: await file.text() });
    event.target.value = '';
  };

  return (
    <section className="card side-card">
      <h2>{t('framework.export')}</h2>
      <div className="member-controls">
        <label className="check">
          {t('framework.separator')}
          <select value={separator} onChange={(e) => setSeparator(e.target.value as ',' | ';')}>
            <option value=",">,</option>
            <option value=";">;</option>
          </select>
        </label>
        <button type="button" className="button secondary small" onClick={() => exportCsv('framework')}>
          {t('framework.exportFramework')}
        </button>
        <button type="button" className="button secondary small" onClick={() => exportCsv('progress')}>
          {t('framework.exportProgress')}
        </button>
      </div>
      {importer && (
        <>
          <h3>{can.manageFramework ? t('framework.importFramework') : t('framework.importProgress')}</h3>
          <input type="file" accept=".csv,text/csv" aria-label={t('framework.import')} onChange={onFile} />
          {!rowErrors && <ErrorAlert error={importer.error} />}
          {imported && <p className="alert success">{t('framework.imported', { count: imported.imported })}</p>}
          {rowErrors && (
            <div className="alert error" role="alert">
              <p>{t('framework.importErrors')}</p>
              <ul>
                {rowErrors.map((e, i) => (
                  <li key={i}>
                    {t('framework.row', { row: e.row, column: e.column, reason: problemText(t, e.problem) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
