'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useNow, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { focusTarget } from '@/app/_lib/focus';
import { useTRPC } from '@/app/_lib/trpc';
import { MAX_BULK_VALIDATIONS, VALIDATION_NOTE_MAX } from '@/shared/framework/progress-rules';
import { QUEUE_SORTS, sortQueue, type QueueSort } from './queue-order';
import { QueueRow } from './QueueRow';
import { StatusNotice } from '@/app/_components/StatusNotice';

const toggled = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

/** Every submission awaiting the person's decision across their compacts: sort, open, select, validate. */
export function ValidationQueue() {
  const t = useTranslations();
  // The request's moment (from the provider): the server and the browser agree on today.
  const now = useNow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.validation.queue.queryOptions());
  const [sort, setSort] = useState<QueueSort>('oldest');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  // A decision removes rows (and the focused control with them): once the queue is read again,
  // focus goes to the first row left, or to the page's heading when none is.
  // (The queue's read time when the decision was taken: the next read is the one without those rows.)
  const [decidedAfterRead, setDecidedAfterRead] = useState<number | null>(null);
  const focusedFor = useRef<number | null>(null);
  const decided = () => {
    setDecidedAfterRead(queue.dataUpdatedAt);
    void queryClient.invalidateQueries();
  };
  useEffect(() => {
    if (decidedAfterRead === null || queue.dataUpdatedAt <= decidedAfterRead) return;
    if (focusedFor.current === decidedAfterRead) return;
    focusedFor.current = decidedAfterRead;
    const next =
      document.querySelector<HTMLElement>('.queue-table tbody input[type="checkbox"]:not([disabled])') ??
      document.querySelector<HTMLElement>('main h1');
    if (next) focusTarget(next);
  }, [decidedAfterRead, queue.dataUpdatedAt]);
  const bulk = useMutation(
    trpc.validation.validateMany.mutationOptions({
      onSuccess: (result) => {
        setNotice(t('validation.done', { count: result.validated.length }));
        setSelected(new Set());
        decided();
      },
    }),
  );
  if (queue.error) return <ErrorAlert error={queue.error} />;
  if (!queue.data) return <p className="muted">…</p>;

  const items = sortQueue(queue.data.items, sort);
  const selectable = items.filter((i) => i.update.can.validate).map((i) => i.update.id);
  // What is selected and still waiting (a refresh may have taken some away).
  const chosen = selectable.filter((id) => selected.has(id));
  const tooMany = chosen.length > MAX_BULK_VALIDATIONS;
  const onValidate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const form = event.currentTarget;
    const note = String(new FormData(form).get('note') ?? '');
    bulk.mutate({ updateIds: chosen, note }, { onSuccess: () => form.reset() });
  };

  return (
    <>
      {queue.data.truncated && (
        <p className="alert small" role="note">
          {t('validation.truncated', { count: items.length })}
        </p>
      )}
      <StatusNotice className="alert success">{notice}</StatusNotice>
      {items.length === 0 ? (
        <p className="muted">{t('validation.empty')}</p>
      ) : (
        <>
          <div className="filters">
            <label className="check">
              {t('validation.sortBy')}
              <select value={sort} onChange={(e) => setSort(e.target.value as QueueSort)}>
                {QUEUE_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`validation.sort.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <form
            className="card stack"
            onSubmit={onValidate}
            aria-label={t('validation.validateSelected', { count: chosen.length })}
          >
            <label className="field">
              <span>{t('validation.note')}</span>
              <textarea name="note" rows={2} maxLength={VALIDATION_NOTE_MAX} />
            </label>
            <p className="muted small">{t('validation.allOrNothing')}</p>
            {tooMany && (
              <p className="alert error" role="alert">
                {t('validation.tooMany', { max: MAX_BULK_VALIDATIONS })}
              </p>
            )}
            <ErrorAlert error={bulk.error} />
            <div className="member-controls">
              <button
                type="submit"
                className="button primary small"
                disabled={chosen.length === 0 || tooMany || bulk.isPending}
              >
                {t('validation.validateSelected', { count: chosen.length })}
              </button>
            </div>
          </form>
          <div className="table-scroll">
            <table className="table queue-table">
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('validation.selectAll')}
                      checked={selectable.length > 0 && chosen.length === selectable.length}
                      disabled={selectable.length === 0}
                      onChange={(e) => setSelected(new Set(e.target.checked ? selectable : []))}
                    />
                  </th>
                  <th scope="col">{t('validation.col.compact')}</th>
                  <th scope="col">{t('validation.col.indicator')}</th>
                  <th scope="col">{t('validation.col.party')}</th>
                  <th scope="col">{t('validation.col.period')}</th>
                  <th scope="col">{t('validation.col.submittedBy')}</th>
                  <th scope="col">{t('validation.col.age')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('validation.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <QueueRow
                    key={item.update.id}
                    item={item}
                    now={now}
                    selected={selected.has(item.update.id)}
                    onSelect={(on) => setSelected((s) => toggled(s, item.update.id, on))}
                    open={open.has(item.update.id)}
                    onToggle={() => setOpen((s) => toggled(s, item.update.id, !s.has(item.update.id)))}
                    onReturned={decided}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
