'use client';

import { useQuery } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { Translate } from '@/i18n/types';
import { useTRPC } from '@/app/_lib/trpc';
import type { ProvisionSummary } from '@/shared/negotiation/provisions';
import { useCurrentProvision } from './use-current-provision';
import { moment } from '@/i18n/format';

type Decision = {
  action: string;
  state: string | null;
  optionIndex: number | null;
  at: Date | string;
  by: { name: string; partyCode: string | null } | null;
};

function describe(t: Translate, decision: Decision): string {
  const state = decision.state ? t(`negotiation.state.${decision.state}` as MessageKey) : '';
  if (decision.action === 'provision.state-changed') return t('decisions.stateChanged', { state });
  if (decision.action === 'provision.demoted') return t('decisions.demoted');
  if (decision.action === 'provision.option-accepted')
    return t('decisions.optionAccepted', { number: (decision.optionIndex ?? 0) + 1 });
  return t('decisions.optionsWithdrawn');
}

const author = (t: Translate, decision: Decision) =>
  decision.by
    ? t('decisions.by', { name: decision.by.name, code: decision.by.partyCode ?? '—' })
    : t('decisions.byServer');

/** Who declared what on the provision holding the cursor, and when: visible to everyone in the compact. */
export function ProvisionDecisions({ editor, compactId }: { editor: Editor; compactId: string }) {
  const t = useTranslations();
  const provision = useCurrentProvision(editor);
  const headingId = useId();
  return (
    <section className="card side-card provision-decisions" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {provision?.id ? t('decisions.titleFor', { label: provision.label }) : t('decisions.title')}
      </h2>
      {provision?.id ? (
        <DecisionList key={provision.id} compactId={compactId} provision={{ ...provision, id: provision.id }} />
      ) : (
        <p className="muted small">{t('decisions.noProvision')}</p>
      )}
    </section>
  );
}

function DecisionList({ compactId, provision }: { compactId: string; provision: ProvisionSummary & { id: string } }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const decisions = useQuery(trpc.provisions.decisions.queryOptions({ compactId, provisionId: provision.id }));
  const { refetch } = decisions;
  // A decision shows in the live text first (state, options): read the record again when it does
  // (not on mount: the query has just been made).
  const seen = useRef(`${provision.state}:${provision.optionParties.length}`);
  useEffect(() => {
    const now = `${provision.state}:${provision.optionParties.length}`;
    if (seen.current === now) return;
    seen.current = now;
    void refetch();
  }, [provision.state, provision.optionParties.length, refetch]);
  if (decisions.isError) return <p className="error small">{t('decisions.failed')}</p>;
  if (!decisions.data) return <p className="muted small">{t('decisions.loading')}</p>;
  if (decisions.data.length === 0) return <p className="muted small">{t('decisions.none')}</p>;
  return (
    <ol className="decision-list">
      {decisions.data.map((decision, index) => {
        const at = new Date(decision.at);
        return (
          <li key={index}>
            <strong>{describe(t, decision)}</strong>
            <span className="muted small">
              {' '}
              {author(t, decision)} · <time dateTime={at.toISOString()}>{moment(format, at)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
