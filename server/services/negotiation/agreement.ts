import 'server-only';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { agreementProblem, listProvisions, optionKeys, type ProvisionSummary } from '@/shared/negotiation/provisions';
import type { AgreementState } from '@/shared/negotiation/vocabulary';
import { compactTextSchema, yDocToContent } from '../../editor/document-content';
import type { CompactMember } from '../../policies/compact-member';
import { recordAuditEvent } from '../audit';
import { DomainError } from '../domain-error';
import { loadDoc } from '../document-store';
import { listParties } from '../parties';
import { buildServerUpdate } from '../server-edits';
import { writeAsMember } from '../member-writes';

interface FoundProvision {
  summary: ProvisionSummary;
  /** The provision as ProseMirror sees it (what the browser's keys are computed from). */
  node: ProseMirrorNode;
  element: Y.XmlElement;
}

/** The provision as the stored text has it (summary, node and Yjs element), or NOT_FOUND. */
function findProvision(doc: Y.Doc, provisionId: string): FoundProvision {
  const root = compactTextSchema().nodeFromJSON(yDocToContent(doc));
  const summary = listProvisions(root).find((provision) => provision.id === provisionId);
  const node = summary ? root.nodeAt(summary.pos) : null;
  const element = doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .find(
      (child): child is Y.XmlElement =>
        child instanceof Y.XmlElement && child.nodeName === 'provision' && child.getAttribute('id') === provisionId,
    );
  if (!summary || !node || !element) throw new DomainError('NOT_FOUND', { key: 'errors.agreement.noProvisionIdText' });
  return { summary, node, element };
}

/** The short codes of these parties, for a refusal's message. */
function partyCodes(db: Db, partyIds: readonly string[]): string {
  const codes = new Map(listParties(db).map((party) => [party.id, party.shortCode]));
  return [...new Set(partyIds)].map((id) => codes.get(id) ?? 'an unknown party').join(', ');
}

/**
 * After the chair's write is stored: the edit was built on the stored text, which may lag the live
 * one; a provision someone deleted meanwhile (or cut and pasted back, a new element under the same
 * id) takes the edit with it — Yjs drops changes inside deleted content. So the text as of the
 * chair's own update is read back, and the change must be there: otherwise CONFLICT, never a
 * silent success. Read as of that update, a deletion stored just after it does not count.
 */
function assertApplied(
  db: Db,
  compactId: string,
  updateId: number | null,
  provisionId: string,
  label: string,
  applied: (summary: ProvisionSummary, node: ProseMirrorNode) => boolean,
): void {
  const { doc } = loadDoc(db, compactId, updateId ?? undefined);
  let found: { summary: ProvisionSummary; node: ProseMirrorNode } | undefined;
  try {
    const root = compactTextSchema().nodeFromJSON(yDocToContent(doc));
    const summary = listProvisions(root).find((p) => p.id === provisionId);
    if (summary) found = { summary, node: root.nodeAt(summary.pos)! };
  } finally {
    doc.destroy();
  }
  if (!found) throw new DomainError('CONFLICT', { key: 'errors.agreement.wasDeletedFromText', args: { label } });
  if (!applied(found.summary, found.node))
    throw new DomainError('CONFLICT', { key: 'errors.agreement.wasReplacedTextMeanwhile', args: { label } });
}

/** Reads the stored text, lets `decide` check and prepare the edit, and builds it as one server update. */
function prepare<T>(
  db: Db,
  compactId: string,
  provisionId: string,
  decide: (found: FoundProvision) => T,
): { update: Uint8Array; outcome: T } {
  let outcome: T | undefined;
  const update = buildServerUpdate(db, compactId, (doc) => {
    outcome = decide(findProvision(doc, provisionId));
  });
  return { update, outcome: outcome as T };
}

/**
 * The chair (a compact admin) declares a provision's agreement state. `agreed` and
 * `agreed-ad-ref` need a provision without brackets and without open options. Applied through the
 * server write path as the chair's edit, and audited; everyone sees it live.
 */
export async function setProvisionState(
  db: Db,
  member: CompactMember,
  input: { compactId: string; provisionId: string; state: AgreementState },
): Promise<{ updateId: number | null }> {
  const { update, outcome } = prepare(db, input.compactId, input.provisionId, ({ summary, element }) => {
    const problem = agreementProblem(summary, input.state);
    if (problem === 'has-brackets')
      throw new DomainError('BAD_REQUEST', {
        key: 'errors.agreement.stillHasTextBrackets',
        args: { label: summary.label, parties: partyCodes(db, summary.bracketParties) },
      });
    const options = summary.optionParties.length;
    if (problem === 'has-options')
      throw new DomainError('BAD_REQUEST', {
        key: 'errors.agreement.stillHasOpenAccept',
        args: { label: summary.label, options, parties: partyCodes(db, summary.optionParties) },
      });
    if (summary.state !== input.state) element.setAttribute('state', input.state);
    return { before: summary.state, label: summary.label };
  });
  if (outcome.before === input.state) return { updateId: null };
  const updateId = await writeAsMember(member, input.compactId, update);
  assertApplied(db, input.compactId, updateId, input.provisionId, outcome.label, (now) => now.state === input.state);
  recordAuditEvent(db, member, {
    compactId: input.compactId,
    action: 'provision.state-changed',
    entityType: 'provision',
    entityId: input.provisionId,
    before: { state: outcome.before },
    after: { state: input.state, updateId },
  });
  return { updateId };
}

/**
 * The chair accepts one option of a provision (its wording replaces the provision's wording and
 * the other options), or keeps the provision's own wording (`optionIndex` null: every option goes).
 * `optionKeys` are the keys (see optionKey) of the options the chair decided on: if the options
 * changed since, nothing is done (CONFLICT). The text's history keeps every option; the acceptance
 * is audited with the option's wording.
 */
export async function acceptOption(
  db: Db,
  member: CompactMember,
  input: { compactId: string; provisionId: string; optionIndex: number | null; optionKeys: readonly string[] },
): Promise<{ updateId: number | null }> {
  const { update, outcome } = prepare(db, input.compactId, input.provisionId, ({ summary, node, element }) => {
    const current = optionKeys(node);
    if (current.length !== input.optionKeys.length || current.some((key, i) => key !== input.optionKeys[i]))
      throw new DomainError('CONFLICT', {
        key: 'errors.agreement.optionsChangedMeanwhileLook',
        args: { label: summary.label },
      });
    const children = element.toArray();
    const options = children.filter(
      (child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'option',
    );
    if (options.length === 0) throw new DomainError('BAD_REQUEST', { key: 'errors.agreement.provisionHasNoOptions' });
    if (input.optionIndex === null) {
      for (let i = children.length - 1; i >= 0; i--)
        if (options.includes(children[i] as Y.XmlElement)) element.delete(i, 1);
      return { label: summary.label, partyId: null, wording: null };
    }
    const chosen = options[input.optionIndex];
    if (!chosen)
      throw new DomainError('BAD_REQUEST', {
        key: 'errors.agreement.provisionHasOptions',
        args: { length: options.length },
      });
    const wording = chosen.toArray().map((block) => block.clone());
    const record = {
      label: summary.label,
      partyId: chosen.getAttribute('partyId') ?? null,
      wording: chosen.toString().slice(0, 4000),
    };
    element.delete(0, element.length);
    element.insert(0, wording as Y.XmlElement[]);
    return record;
  });
  const updateId = await writeAsMember(member, input.compactId, update);
  assertApplied(
    db,
    input.compactId,
    updateId,
    input.provisionId,
    outcome.label,
    // The options the chair decided on are gone (an option added meanwhile may stay: the acceptance still applied).
    (_summary, now) => !optionKeys(now).some((key) => input.optionKeys.includes(key)),
  );
  recordAuditEvent(db, member, {
    compactId: input.compactId,
    action: input.optionIndex === null ? 'provision.options-withdrawn' : 'provision.option-accepted',
    entityType: 'provision',
    entityId: input.provisionId,
    after: { optionIndex: input.optionIndex, optionPartyId: outcome.partyId, wording: outcome.wording, updateId },
  });
  return { updateId };
}
