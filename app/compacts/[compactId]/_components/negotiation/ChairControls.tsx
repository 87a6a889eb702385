'use client';

import { useMutation } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { Translate } from '@/i18n/types';
import { errorMessage, useTRPC } from '@/app/_lib/trpc';
import { findProvisionNode, optionKeys, type ProvisionSummary } from '@/shared/negotiation/provisions';
import { AGREEMENT_STATES, type AgreementState } from '@/shared/negotiation/vocabulary';
import { useCurrentProvision } from './use-current-provision';
import type { LegendParty } from './view-data';

interface Props {
  editor: Editor;
  compactId: string;
  parties: ReadonlyMap<string, LegendParty>;
}

type Report = (text: string, error?: boolean) => void;

const stateName = (t: Translate, state: AgreementState) => t(`negotiation.state.${state}` as MessageKey);
const KEEP_ORIGINAL = 'original';

/**
 * The chair's decisions on the provision holding the cursor: its agreement state, and which of its
 * wordings to keep. Applied on the server, which refuses (with its reason) what the text does not allow.
 */
export function ChairControls({ editor, compactId, parties }: Props) {
  const t = useTranslations();
  const provision = useCurrentProvision(editor);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const headingId = useId();
  return (
    <section className="chair-controls" aria-labelledby={headingId}>
      <h2 id={headingId} className="chair-title">
        {t('negotiation.chair')}
      </h2>
      {provision?.id ? (
        <ProvisionDecision
          key={provision.id}
          editor={editor}
          compactId={compactId}
          provision={{ ...provision, id: provision.id }}
          parties={parties}
          report={(text, error = false) => setMessage({ text, error })}
        />
      ) : (
        <p className="muted small">{t('negotiation.chairNoProvision')}</p>
      )}
      <p role="status" className={message?.error ? 'chair-message error' : 'chair-message'}>
        {message?.text}
      </p>
    </section>
  );
}

function ProvisionDecision({
  editor,
  compactId,
  provision,
  parties,
  report,
}: {
  editor: Editor;
  compactId: string;
  provision: ProvisionSummary & { id: string };
  parties: ReadonlyMap<string, LegendParty>;
  report: Report;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [state, setState] = useState<AgreementState>(provision.state);
  const [choice, setChoice] = useState(KEEP_ORIGINAL);
  const setStateCall = useMutation(trpc.negotiation.setProvisionState.mutationOptions());
  const acceptCall = useMutation(trpc.negotiation.acceptOption.mutationOptions());
  const busy = setStateCall.isPending || acceptCall.isPending;
  const { id: provisionId, label } = provision;
  const failed = (error: unknown) => report(errorMessage(error, t), true);

  const applyState = () =>
    setStateCall.mutate(
      { compactId, provisionId, state },
      { onSuccess: () => report(t('negotiation.stateSet', { label, state: stateName(t, state) })), onError: failed },
    );
  // The options as on screen now: the server refuses the decision if its text has other ones.
  const shownOptionKeys = () => {
    const node = findProvisionNode(editor.state.doc, provisionId);
    return node ? optionKeys(node) : [];
  };
  const accept = () =>
    acceptCall.mutate(
      {
        compactId,
        provisionId,
        optionIndex: choice === KEEP_ORIGINAL ? null : Number(choice),
        optionKeys: shownOptionKeys(),
      },
      { onSuccess: () => report(t('negotiation.optionAccepted', { label })), onError: failed },
    );

  return (
    <>
      <p className="muted small">{t('negotiation.chairHint', { label })}</p>
      <div className="chair-row">
        <label>
          {t('negotiation.setState', { label })}{' '}
          <select value={state} onChange={(event) => setState(event.target.value as AgreementState)}>
            {AGREEMENT_STATES.map((option) => (
              <option key={option} value={option}>
                {stateName(t, option)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button secondary small" disabled={busy} onClick={applyState}>
          {t('negotiation.applyState')}
        </button>
      </div>
      {provision.optionParties.length > 0 && (
        <div className="chair-row">
          <label>
            {t('negotiation.acceptChoice', { label })}{' '}
            <select value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value={KEEP_ORIGINAL}>{t('negotiation.keepOriginal')}</option>
              {provision.optionParties.map((partyId, index) => (
                <option key={index} value={String(index)}>
                  {t('negotiation.option', {
                    number: index + 1,
                    code: parties.get(partyId)?.shortCode ?? t('negotiation.unknownParty'),
                  })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button secondary small" disabled={busy} onClick={accept}>
            {t('negotiation.accept')}
          </button>
        </div>
      )}
    </>
  );
}
