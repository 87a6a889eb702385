import 'server-only';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '@/shared/editor/extensions';
import { AGREED_STATES, newProvisionId, PROVISION_ID_PATTERN } from '@/shared/negotiation/vocabulary';

export interface ProvisionRepairs {
  /** Provisions that were agreed and now carry brackets or options: set to `bracketed`. */
  demoted: string[];
  /** Provisions that had no id, a malformed one, or one an earlier provision holds: given a fresh id (and `open`). */
  renamed: { from: string | null; to: string }[];
}

/** Whether a provision holds an option or bracketed text (anyone's). */
function holdsProposals(element: Y.XmlElement): boolean {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement && (child.nodeName === 'option' || holdsProposals(child))) return true;
    if (
      child instanceof Y.XmlText &&
      (child.toDelta() as { attributes?: Record<string, unknown> }[]).some((run) => run.attributes?.bracket)
    )
      return true;
  }
  return false;
}

/**
 * The server's repairs of a text's provisions, made on a copy of the stored document (see
 * buildServerUpdate): every provision gets a unique id — concurrent copies of one provision (two
 * people pasting it, which the editors cannot see of each other) keep the id on the first in
 * document order — and agreed provisions that hold brackets or options (those named in `demote`
 * and any other found so) become `bracketed`.
 */
export function repairProvisions(doc: Y.Doc, demote: ReadonlySet<string>): ProvisionRepairs {
  const repairs: ProvisionRepairs = { demoted: [], renamed: [] };
  const seen = new Set<string>();
  for (const child of doc.getXmlFragment(DOCUMENT_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'provision') continue;
    const id = child.getAttribute('id');
    if (typeof id === 'string' && PROVISION_ID_PATTERN.test(id) && !seen.has(id)) {
      seen.add(id);
      // Named by the update just stored, or found so (a bracket that raced the chair's declaration).
      if (AGREED_STATES.has(child.getAttribute('state') as never) && (demote.has(id) || holdsProposals(child))) {
        child.setAttribute('state', 'bracketed');
        repairs.demoted.push(id);
      }
      continue;
    }
    const fresh = newProvisionId();
    seen.add(fresh);
    child.setAttribute('id', fresh);
    if (child.getAttribute('state') !== 'open') child.setAttribute('state', 'open');
    repairs.renamed.push({ from: typeof id === 'string' ? id.slice(0, 40) : null, to: fresh });
  }
  return repairs;
}
