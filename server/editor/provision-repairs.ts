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

type Repair = { provision: Y.XmlElement; id: string } & ({ kind: 'demote' } | { kind: 'rename'; from: string | null });

/**
 * The repairs a text's provisions need (read only): every provision gets a unique id — concurrent
 * copies of one provision (two people pasting it, which the editors cannot see of each other)
 * keep the id on the first in document order — and agreed provisions that hold brackets or options
 * become `bracketed` (brackets added to agreed text, or a bracket that raced the chair's declaration).
 */
export function plannedRepairs(doc: Y.Doc): Repair[] {
  const repairs: Repair[] = [];
  const seen = new Set<string>();
  for (const child of doc.getXmlFragment(DOCUMENT_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'provision') continue;
    const id = child.getAttribute('id');
    if (typeof id === 'string' && PROVISION_ID_PATTERN.test(id) && !seen.has(id)) {
      seen.add(id);
      if (AGREED_STATES.has(child.getAttribute('state') as never) && holdsProposals(child))
        repairs.push({ provision: child, id, kind: 'demote' });
      continue;
    }
    const fresh = newProvisionId();
    seen.add(fresh);
    repairs.push({
      provision: child,
      id: fresh,
      kind: 'rename',
      from: typeof id === 'string' ? id.slice(0, 40) : null,
    });
  }
  return repairs;
}

/** Makes the planned repairs on a copy of the stored document (see buildServerUpdate). */
export function repairProvisions(doc: Y.Doc): ProvisionRepairs {
  const repairs: ProvisionRepairs = { demoted: [], renamed: [] };
  for (const repair of plannedRepairs(doc)) {
    if (repair.kind === 'demote') {
      repair.provision.setAttribute('state', 'bracketed');
      repairs.demoted.push(repair.id);
      continue;
    }
    repair.provision.setAttribute('id', repair.id);
    if (repair.provision.getAttribute('state') !== 'open') repair.provision.setAttribute('state', 'open');
    repairs.renamed.push({ from: repair.from, to: repair.id });
  }
  return repairs;
}
