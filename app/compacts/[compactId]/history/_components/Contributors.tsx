import { useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';

type Contributor = RouterOutputs['versions']['list']['versions'][number]['contributors'][number];

/** Who contributed to a version since the previous one: people with their party code (the system unnamed). */
export function Contributors({ contributors }: { contributors: Contributor[] }) {
  const t = useTranslations();
  if (contributors.length === 0) return <span className="muted">{t('history.noContributors')}</span>;
  return (
    <ul className="contributors">
      {contributors.map((contributor) => (
        <li key={`${contributor.userId ?? ''}:${contributor.partyId ?? ''}`}>
          {contributor.userId ? contributor.name : t('history.system')}
          {contributor.partyCode ? <span className="person-party"> {contributor.partyCode}</span> : null}
          <span className="muted small">
            {' · '}
            {t('history.updates', { count: contributor.updates })}
          </span>
        </li>
      ))}
    </ul>
  );
}
