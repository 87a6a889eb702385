import type { ProposerAttributes } from './party-attributes';

/**
 * Who this editor proposes as: the signed-in person and the party they represent in this compact
 * (the server stamps and checks the same). null where nobody proposes (server conversions, read-only views).
 */
export type ProposerSource = () => ProposerAttributes | null;

export const noProposer: ProposerSource = () => null;
