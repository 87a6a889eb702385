import Link from 'next/link';
import { useTranslations } from 'next-intl';

interface CitedProvision {
  id: string;
  label: string;
  firstWords: string;
}

/**
 * A link to a provision's place in the compact text (the page scrolls there and highlights it), cited
 * as the editor numbers it — or, when the linked provision is no longer in the text, a warning that says so.
 */
export function ProvisionCitation({
  compactId,
  provision,
  withWords = false,
}: {
  compactId: string;
  provision: CitedProvision | null;
  withWords?: boolean;
}) {
  const t = useTranslations();
  if (!provision) return <span className="warning">{t('indicator.provisionDeleted')}</span>;
  return (
    <Link
      href={`/compacts/${compactId}?provision=${encodeURIComponent(provision.id)}`}
      title={withWords ? undefined : provision.firstWords}
    >
      {provision.label}
      {withWords && ` — ${provision.firstWords}`}
    </Link>
  );
}
