import { t } from '@/app/_lib/messages';
import type { PresencePerson } from '@/app/_lib/use-collab';

export function PresenceList({ people, myUserId }: { people: PresencePerson[]; myUserId: string }) {
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
              </span>
              <span className="person-party">
                {person.partyName}
                {person.emailDomain && <span className="muted"> · {person.emailDomain}</span>}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {people.length <= 1 && <p className="muted small">{t('presence.empty')}</p>}
    </section>
  );
}
