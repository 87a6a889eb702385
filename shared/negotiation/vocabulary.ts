/**
 * The negotiation vocabulary of a compact's text (UN practice). Preambular provisions are not
 * numbered; operative ones are numbered continuously through the whole compact (1, 2, 3…),
 * in document order, whatever section they sit in.
 */
export const PROVISION_KINDS = ['preambular', 'operative'] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/**
 * `open`: being drafted; `bracketed`: carries text not yet agreed; `agreed-ad-ref`: agreed by the
 * negotiators pending confirmation by capitals; `agreed`: agreed. Only the chair (a compact admin)
 * sets a state, through the server; the two agreed states need a provision without brackets or options.
 */
export const AGREEMENT_STATES = ['open', 'bracketed', 'agreed-ad-ref', 'agreed'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREED_STATES: ReadonlySet<AgreementState> = new Set(['agreed', 'agreed-ad-ref']);

export const isProvisionKind = (value: unknown): value is ProvisionKind =>
  typeof value === 'string' && (PROVISION_KINDS as readonly string[]).includes(value);

export const isAgreementState = (value: unknown): value is AgreementState =>
  typeof value === 'string' && (AGREEMENT_STATES as readonly string[]).includes(value);

/** Node, mark and attribute names as stored in the Yjs document (the wire format; see README). */
export const NEGOTIATION_NAMES = {
  provision: 'provision',
  option: 'option',
  bracket: 'bracket',
} as const;

/** Provision ids: 12 characters from [a-z0-9], random (no clock, no counter shared between tabs). */
export const PROVISION_ID_PATTERN = /^[a-z0-9]{12}$/;

export function newProvisionId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  // crypto.getRandomValues exists in browsers (also on plain http) and in Node.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}
