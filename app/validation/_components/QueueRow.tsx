'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { FormEvent } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { OneLineForm } from '@/app/_components/framework/OneLineForm';
import { ReportingContextLine } from '@/app/_components/framework/ReportingContextLine';
import { UpdateDetails } from '@/app/_components/framework/UpdateDetails';
import { useFormatter, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { useTRPC } from '@/app/_lib/trpc';
import { waitingDays } from './queue-order';
import { moment } from '@/i18n/format';

export type QueueItem = RouterOutputs['validation']['queue']['items'][number];

const COLUMNS = 8;

/**
 * One submission of the queue: a row to select, and — opened — everything the monitor entered,
 * the target and previous validated value, and a return with a reason (through `progress.return`,
 * the same rules as on the indicator page).
 */
export function QueueRow({
  item,
  now,
  selected,
  onSelect,
  open,
  onToggle,
  onReturned,
}: {
  item: QueueItem;
  now: Date;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  open: boolean;
  onToggle: () => void;
  /** Sent back to its monitor: the queue is read again (without this row). */
  onReturned: () => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const giveBack = useMutation(trpc.progress.return.mutationOptions({ onSuccess: onReturned }));
  const { update, indicator } = item;
  const days = waitingDays(update.submittedAt, now);
  const detailsId = `queue-details-${update.id}`;
  const onReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    giveBack.mutate({
      compactId: item.compactId,
      updateId: update.id,
      reason: String(new FormData(event.currentTarget).get('reason')),
    });
  };
  return (
    <>
      <tr className={selected ? 'selected' : undefined}>
        <td>
          <input
            type="checkbox"
            checked={selected}
            disabled={!update.can.validate}
            title={update.can.validate ? undefined : t('validation.ownSubmission')}
            aria-label={t('validation.select', { indicator: indicator.code, period: item.periodLabel })}
            onChange={(e) => onSelect(e.target.checked)}
          />
        </td>
        <td>{item.compactTitle}</td>
        <td>
          <span className="code">{indicator.code}</span> {indicator.title}
        </td>
        <td>{item.party.shortCode}</td>
        <td>{item.periodLabel}</td>
        <td>{update.submittedByName}</td>
        <td title={update.submittedAt ? moment(format, update.submittedAt) : undefined}>
          {days === 0 ? t('validation.ageToday') : t('validation.age', { days })}
        </td>
        <td>
          <button
            type="button"
            className="button small secondary"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
          >
            {open ? t('validation.hideDetails') : t('validation.details')}
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="queue-details">
          <td colSpan={COLUMNS}>
            <ReportingContextLine indicator={indicator} periodLabel={item.periodLabel} context={item} />
            <UpdateDetails compactId={item.compactId} indicator={indicator} update={update} />
            {update.discussion.length > 0 && (
              <ul className="discussion">
                {update.discussion.map((c, i) => (
                  <li key={i}>
                    <strong>{c.author}</strong>: {c.body}
                  </li>
                ))}
              </ul>
            )}
            {!update.can.validate && <p className="muted small">{t('validation.ownSubmission')}</p>}
            <div className="decide">
              {update.can.return && (
                <OneLineForm
                  onSubmit={onReturn}
                  name="reason"
                  minLength={3}
                  label={t('progress.returnReason')}
                  button={t('progress.return')}
                  buttonClass="danger"
                />
              )}
              <Link href={`/compacts/${item.compactId}/indicators/${indicator.id}`}>
                {t('validation.openIndicator')}
              </Link>
            </div>
            <ErrorAlert error={giveBack.error} />
          </td>
        </tr>
      )}
    </>
  );
}
