// The rules of a commitment's fields, written once (form, API schema, writer, CSV import). Pure.

/** The longest text of a commitment's free-text fields. */
export const COMMITMENT_TEXT_MAX = { reference: 200, deliverable: 2000, narrativeStatus: 4000 } as const;
