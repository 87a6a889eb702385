import type { Translate } from '@/i18n/types';
import type { RouterOutputs } from '@/app/_lib/router-types';

export type LegendParty = RouterOutputs['provisions']['partyLegend'][number];
export type LinkedIndicator = RouterOutputs['provisions']['indicators'][number]['indicators'][number];

/** What the negotiation decorations label the text with (from the server; the text itself comes over the socket). */
export interface NegotiationViewData {
  compactId: string;
  parties: ReadonlyMap<string, LegendParty>;
  indicators: ReadonlyMap<string, readonly LinkedIndicator[]>;
  /** Opens a page of the app (client-side navigation). */
  navigate: (href: string) => void;
  /** The reader's language for the widgets' words. */
  t: Translate;
}

export const emptyViewData: NegotiationViewData = {
  compactId: '',
  parties: new Map(),
  indicators: new Map(),
  navigate: () => undefined,
  // Before the page's data arrives no widget is drawn; keys stand in for words.
  t: ((key: string) => key) as Translate,
};

const COLOUR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOUR = '#475569';

/** A party's colour, only ever a `#rrggbb` value (it is written into style attributes). */
export function safeColour(party: LegendParty | undefined): string {
  return party && COLOUR.test(party.colour) ? party.colour : FALLBACK_COLOUR;
}

/** The `style` attribute carrying a party's colour to CSS (`var(--party)`). */
export const partyStyle = (party: LegendParty | undefined) => `--party: ${safeColour(party)}`;

export const indicatorHref = (compactId: string, indicatorId: string) =>
  `/compacts/${encodeURIComponent(compactId)}/indicators/${encodeURIComponent(indicatorId)}`;
