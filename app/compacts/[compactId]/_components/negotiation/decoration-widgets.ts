import type { MessageKey, Translate } from '@/i18n/types';
import type { AgreementState } from '@/shared/negotiation/vocabulary';
import {
  indicatorHref,
  safeColour,
  type LegendParty,
  type LinkedIndicator,
  type NegotiationViewData,
} from './view-data';

/** DOM for the widgets of the negotiation view: built with textContent and CSSOM only, never from HTML strings. */
function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const partyCode = (t: Translate, party: LegendParty | undefined) => party?.shortCode ?? t('negotiation.unknownParty');

function coloured(node: HTMLElement, party: LegendParty | undefined): HTMLElement {
  node.style.setProperty('--party', safeColour(party));
  node.contentEditable = 'false';
  return node;
}

/** "ALD[" before a party's bracketed text: the short code is always there, colour is never the only signal. */
export function bracketOpening(t: Translate, party: LegendParty | undefined): HTMLElement {
  const opening = coloured(element('span', 'bracket-edge bracket-open'), party);
  const code = element('span', 'party-code', partyCode(t, party));
  if (party) code.title = party.name;
  opening.append(code, '[');
  return opening;
}

export function bracketClosing(party: LegendParty | undefined): HTMLElement {
  return coloured(element('span', 'bracket-edge bracket-close', ']'), party);
}

/** "Option 2 — UNSMA" above an option's wording. */
export function optionLabel(t: Translate, number: number, party: LegendParty | undefined): HTMLElement {
  const label = coloured(
    element('div', 'option-label', t('negotiation.option', { number, code: partyCode(t, party) })),
    party,
  );
  if (party) label.title = party.name;
  return label;
}

/** A provision's agreement state in words, and links to the indicators linked to it. */
export function provisionGutter(
  label: string,
  state: AgreementState,
  indicators: readonly LinkedIndicator[],
  data: NegotiationViewData,
): HTMLElement {
  const gutter = element('div', 'provision-gutter');
  gutter.contentEditable = 'false';
  const t = data.t;
  const stateName = t(`negotiation.state.${state}` as MessageKey);
  const badge = element('span', `state-badge state-${state}`, stateName);
  badge.title = t('negotiation.stateTitle', { state: stateName });
  gutter.append(badge);
  if (indicators.length > 0) {
    const list = element('ul', 'linked-indicators');
    list.setAttribute('aria-label', t('negotiation.linkedIndicators', { label }));
    for (const indicator of indicators) {
      const item = document.createElement('li');
      const link = element('a', `chip chip-${indicator.status}`, indicator.code) as HTMLAnchorElement;
      const href = indicatorHref(data.compactId, indicator.id);
      link.href = href;
      const status = t(`status.${indicator.status}` as MessageKey);
      link.title = t('negotiation.indicatorLink', { code: indicator.code, status, title: indicator.title });
      link.setAttribute('aria-label', link.title);
      link.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        data.navigate(href);
      });
      item.append(link);
      list.append(item);
    }
    gutter.append(list);
  }
  return gutter;
}
