'use client';

import type { Editor } from '@tiptap/react';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import { listProvisions, type ProvisionSummary } from '@/shared/negotiation/provisions';
import { AGREEMENT_STATES, type AgreementState } from '@/shared/negotiation/vocabulary';
import { indicatorHref, type NegotiationViewData } from './view-data';
import { useEditorDoc } from './use-editor-doc';

interface Props {
  editor: Editor;
  data: NegotiationViewData;
  /** Scrolls the editor to the provision and focuses it. */
  onJump: (provision: ProvisionSummary) => void;
}

const ALL = '';
const openParties = (p: ProvisionSummary) => [...new Set([...p.bracketParties, ...p.optionParties])];

/** Every provision with its citation, state, first words and open proposals, filtered by state and party; live. */
export function ProvisionsPanel({ editor, data, onJump }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const doc = useEditorDoc(editor);
  const provisions = useMemo(() => listProvisions(doc), [doc]);
  const [state, setState] = useState<AgreementState | typeof ALL>(ALL);
  const [party, setParty] = useState(ALL);
  const headingId = useId();

  const partyChoices = useMemo(() => {
    const inText = new Set(provisions.flatMap(openParties));
    return [...data.parties.values()].filter((p) => p.hasMember || inText.has(p.id));
  }, [provisions, data.parties]);
  const shown = provisions.filter(
    (p) => (state === ALL || p.state === state) && (party === ALL || openParties(p).includes(party)),
  );
  const agreed = provisions.filter((p) => p.state === 'agreed').length;
  const adRef = provisions.filter((p) => p.state === 'agreed-ad-ref').length;
  const code = (partyId: string) => data.parties.get(partyId)?.shortCode ?? t('negotiation.unknownParty');

  return (
    <section className="card side-card provisions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('provisions.title')}</h2>
      <p className="provision-counts">
        {t('provisions.counts', { agreed, total: provisions.length })}
        {adRef > 0 && <span className="muted"> · {t('provisions.adRef', { count: adRef })}</span>}
      </p>
      <div className="provision-filters">
        <label>
          {t('provisions.filterState')}{' '}
          <select value={state} onChange={(event) => setState(event.target.value as AgreementState | typeof ALL)}>
            <option value={ALL}>{t('provisions.all')}</option>
            {AGREEMENT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`negotiation.state.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('provisions.filterParty')}{' '}
          <select value={party} onChange={(event) => setParty(event.target.value)}>
            <option value={ALL}>{t('provisions.all')}</option>
            {partyChoices.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.name} (${p.shortCode})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" aria-live="polite">
        {t('provisions.showing', { shown: shown.length, total: provisions.length })}
      </p>
      {shown.length === 0 ? (
        <p className="muted small">{t('provisions.none')}</p>
      ) : (
        <ul className="provision-list">
          {shown.map((p, index) => {
            const codes = openParties(p).map(code);
            const indicators = (p.id && data.indicators.get(p.id)) || [];
            return (
              <li key={`${p.id ?? 'p'}-${index}`}>
                <button type="button" className="provision-row" onClick={() => onJump(p)}>
                  <span className="provision-citation">{p.label}</span>{' '}
                  <span className={`state-badge state-${p.state}`}>
                    {t(`negotiation.state.${p.state}` as MessageKey)}
                  </span>{' '}
                  <span className="provision-words">{p.firstWords}</span>
                  {codes.length > 0 && (
                    <span className="provision-parties" title={t('provisions.openBy', { codes: format.list(codes) })}>
                      <span className="sr-only">{t('provisions.openBy', { codes: format.list(codes) })}</span>
                      <span aria-hidden="true">{codes.join(' · ')}</span>
                    </span>
                  )}
                </button>
                {indicators.length > 0 && (
                  <ul className="linked-indicators" aria-label={t('negotiation.linkedIndicators', { label: p.label })}>
                    {indicators.map((indicator) => (
                      <li key={indicator.id}>
                        <Link
                          className={`chip chip-${indicator.status}`}
                          href={indicatorHref(data.compactId, indicator.id)}
                          title={indicator.title}
                        >
                          {indicator.code} · {t(`status.${indicator.status}` as MessageKey)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
