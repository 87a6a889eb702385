'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ARCHIVE_REASON_MAX } from '@/shared/compacts/archive-rules';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '@/app/_lib/trpc';
import { FormFooter } from '@/app/_components/FormFooter';
import { moment } from '@/i18n/format';

interface CompactRow {
  id: string;
  title: string;
  archivedAt: Date | string | null;
  archivedByName: string | null;
  archiveReason: string | null;
}

/** Archive or restore one compact, with an optional reason (the server decides and records it). */
function ArchiveForm({ compact, onDone }: { compact: CompactRow; onDone: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archived = compact.archivedAt !== null;
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.compacts.all.queryKey() });
      onDone();
    },
  };
  const archive = useMutation(trpc.compacts.archive.mutationOptions(options));
  const restore = useMutation(trpc.compacts.restore.mutationOptions(options));
  const mutation = archived ? restore : archive;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ compactId: compact.id, reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span>{t('admin.archiveReason')}</span>
        <textarea name="reason" rows={2} maxLength={ARCHIVE_REASON_MAX} />
      </label>
      <div className="archive-actions">
        <FormFooter
          error={mutation.error}
          pending={mutation.isPending}
          label={t(archived ? 'admin.confirmRestore' : 'admin.confirmArchive', { title: compact.title })}
          small
        />
        <button type="button" className="button small" onClick={onDone}>
          {t('admin.archiveCancel')}
        </button>
      </div>
    </form>
  );
}

/** Every compact of the instance, each with its state and the archive or restore action. */
export function CompactsArchivePanel() {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const compacts = useQuery(trpc.compacts.all.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card">
      <h2>{t('admin.allCompacts')}</h2>
      <p className="muted small">{t('admin.archiveHint')}</p>
      <ul className="archive-list">
        {compacts.data?.map((compact) => (
          <li key={compact.id}>
            <p>
              <strong>{compact.title}</strong>{' '}
              <span className="muted small">
                {compact.archivedAt
                  ? t('admin.archivedOn', {
                      date: moment(format, compact.archivedAt),
                      name: compact.archivedByName ?? '',
                    })
                  : t('admin.active')}
              </span>
            </p>
            {open === compact.id ? (
              <ArchiveForm compact={compact} onDone={() => setOpen(null)} />
            ) : (
              <button type="button" className="button small" onClick={() => setOpen(compact.id)}>
                {t(compact.archivedAt ? 'admin.restore' : 'admin.archive')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
