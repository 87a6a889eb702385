import { useTranslations } from 'next-intl';
import type { PresenceEntry } from '@/app/_lib/presence-groups';

/** Who is in the document: one line per person (their tabs counted), the viewer marked "you". */
export function PresenceList({ people, myUserId }: { people: PresenceEntry[]; myUserId: string }) {
  const t = useTranslations();
  const others = people.filter((person) => person.userId !== myUserId);
  return (
    <section className="card side-card">
      <h2>{t('presence.title')}</h2>
      <ul className="presence" aria-label={t('presence.label')}>
        {people.map((person) => (
          <li key={person.userId}>
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {person.name.slice(0, 1)}
            </span>
            <span>
              <span className="person-name">
                {person.name} {person.userId === myUserId && <span className="muted">{t('presence.you')}</span>}
                {person.tabs > 1 && <span className="muted"> · {t('presence.tabs', { count: person.tabs })}</span>}
              </span>
              <span className="person-party">
                {/* The party's code beside its name: the avatar's colour is never the only sign of the party. */}
                <span className="party-code">{person.partyShortCode}</span> {person.partyName}
                {person.emailDomain && <span className="muted"> · {person.emailDomain}</span>}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="muted small">{t('presence.empty')}</p>}
    </section>
  );
}
