import 'server-only';
import type { AgreementState } from '@/shared/negotiation/vocabulary';
import type { ExportContext } from './export-model';

const STATE_NAMES: Record<AgreementState, string> = {
  open: 'Open',
  bracketed: 'Bracketed',
  'agreed-ad-ref': 'Agreed ad ref.',
  agreed: 'Agreed',
};

/** The words exports write around the text (English until the interface languages arrive). */
export const EXPORT_LABELS = {
  stateName: (state: AgreementState) => STATE_NAMES[state],
  deletedLabel: (label: string) => `${label} (deleted)`,
  optionLabel: (code: string) => `Option proposed by ${code}`,
  pendingOptions: (count: number) =>
    count === 1 ? '[One option awaits the chair’s decision.]' : `[${count} options await the chair’s decision.]`,
} satisfies Pick<ExportContext, 'stateName' | 'deletedLabel' | 'optionLabel'> & Record<string, unknown>;
