import 'server-only';
import type { DbOrTx } from '@/db/client';
import { listProvisions, type ProvisionSummary } from '@/shared/negotiation/provisions';
import { compactTextSchema, yDocToContent } from '../../editor/document-content';
import { loadDoc } from '../document-store';

/** The provisions of a compact's stored text, in document order (what indicator forms and pages link to). */
export function storedProvisions(db: DbOrTx, compactId: string): ProvisionSummary[] {
  const { doc } = loadDoc(db, compactId);
  try {
    return listProvisions(compactTextSchema().nodeFromJSON(yDocToContent(doc)));
  } finally {
    doc.destroy();
  }
}

/** What the provisions picker and links show of a provision. */
export const provisionChoice = ({ id, label, firstWords, section, state }: ProvisionSummary) => ({
  id: id ?? '',
  label,
  firstWords,
  section,
  state,
});
