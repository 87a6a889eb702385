'use client';

import type { Editor } from '@tiptap/react';
import { useId, useMemo, type CSSProperties } from 'react';
import { useTranslations } from 'next-intl';
import { listProvisions } from '@/shared/negotiation/provisions';
import { safeColour, type NegotiationViewData } from './view-data';
import { useEditorDoc } from './use-editor-doc';

/** The parties' colours and short codes, for those represented in the compact or proposing text in it. */
export function PartyLegend({ editor, data }: { editor: Editor; data: NegotiationViewData }) {
  const t = useTranslations();
  const doc = useEditorDoc(editor);
  const inText = useMemo(
    () => new Set(listProvisions(doc).flatMap((p) => [...p.bracketParties, ...p.optionParties])),
    [doc],
  );
  const shown = [...data.parties.values()].filter((party) => party.hasMember || inText.has(party.id));
  const headingId = useId();
  if (shown.length === 0) return null;
  return (
    <div className="party-legend" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="muted small" title={t('negotiation.legendHint')}>
        {t('negotiation.legend')}:
      </span>
      <ul>
        {shown.map((party) => (
          <li key={party.id} style={{ '--party': safeColour(party) } as CSSProperties}>
            <span className="party-swatch" aria-hidden="true" />
            <span className="party-code">{party.shortCode}</span> <span className="small">{party.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
