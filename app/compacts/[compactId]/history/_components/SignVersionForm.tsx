'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/_components/FormFooter';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import { SIGN_OFF_LIMITS, STATEMENT_KINDS, type StatementKind } from '@/shared/history/sign-off-rules';
import { signOffStatusKey } from './use-sign-off-status';

interface Props {
  compactId: string;
  version: { id: string; title: string; contentHash: string };
  partyCode: string;
}

/**
 * A signatory signs the version on behalf of their party: a statement kind (none, reservation,
 * interpretive) and its text, then a confirmation naming the version and its content hash.
 */
export function SignVersionForm({ compactId, version, partyCode }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<StatementKind>('none');
  const [statement, setStatement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const sign = useMutation(
    trpc.signOffs.sign.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: signOffStatusKey(trpc) });
      },
    }),
  );
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sign.reset();
    setConfirming(true);
  };
  return (
    <form className="stack" onSubmit={review}>
      <fieldset className="stack" disabled={confirming || sign.isPending}>
        <legend>{t('signOffs.statementKind')}</legend>
        {STATEMENT_KINDS.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="statement-kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />{' '}
            {t(`signOffs.statement.${option}` as MessageKey)}
          </label>
        ))}
        {kind !== 'none' ? (
          <label className="field">
            <span>{t('signOffs.statementText')}</span>
            <textarea
              rows={4}
              required
              maxLength={SIGN_OFF_LIMITS.statement}
              value={statement}
              onChange={(event) => setStatement(event.target.value)}
            />
          </label>
        ) : null}
      </fieldset>
      {confirming ? (
        <div className="sign-off-confirm" role="group" aria-label={t('signOffs.review')}>
          <p>
            {t('signOffs.confirm', { version: version.title, party: partyCode })}{' '}
            <span className="code hash">{version.contentHash}</span>
          </p>
          <div className="sign-off-confirm-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button primary"
              disabled={sign.isPending}
              onClick={() =>
                sign.mutate({
                  compactId,
                  versionId: version.id,
                  statementKind: kind,
                  statement: kind === 'none' ? null : statement,
                })
              }
            >
              {t('signOffs.confirmSubmit', { party: partyCode })}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('signOffs.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" className="button primary">
          {t('signOffs.review')}
        </button>
      )}
      <ErrorAlert error={sign.error} />
    </form>
  );
}
