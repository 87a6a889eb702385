import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { RouterOutputs } from '@/app/_lib/router-types';
import { moment } from '@/i18n/format';

type AuditEvent = RouterOutputs['audit']['events']['events'][number];

/** A before/after value as a reviewer reads it: JSON, indented. */
const shown = (value: unknown) => JSON.stringify(value, null, 2);

function Entity({ compactId, event }: { compactId: string | null; event: AuditEvent }) {
  const label = `${event.entityType} ${event.entityId}`;
  if (compactId === null) return <span className="code">{label}</span>;
  if (event.entityType === 'provision')
    return <Link href={`/compacts/${compactId}?provision=${encodeURIComponent(event.entityId)}`}>{label}</Link>;
  if (event.entityType === 'indicator')
    return <Link href={`/compacts/${compactId}/indicators/${encodeURIComponent(event.entityId)}`}>{label}</Link>;
  return <span className="code">{label}</span>;
}

/** The audit screen's rows: one event each, its before/after and hash behind a disclosure. */
export function AuditEventRows({ compactId, events }: { compactId: string | null; events: AuditEvent[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <tbody>
      {events.map((event) => {
        const at = new Date(event.at);
        return (
          <tr key={event.id}>
            <td className="code">#{event.id}</td>
            <td>
              <time dateTime={at.toISOString()}>{moment(format, at)}</time>
            </td>
            <td>
              {event.actor ? event.actor.name : t('audit.system')}
              {event.party ? <span className="person-party"> {event.party.code}</span> : null}
            </td>
            <td className="code">{event.action}</td>
            <td>
              <Entity compactId={compactId} event={event} />
            </td>
            <td>
              <details>
                <summary>{t('audit.showDetails')}</summary>
                <dl className="audit-details">
                  {event.before !== null ? (
                    <>
                      <dt>{t('audit.before')}</dt>
                      <dd>
                        <pre>{shown(event.before)}</pre>
                      </dd>
                    </>
                  ) : null}
                  {event.after !== null ? (
                    <>
                      <dt>{t('audit.after')}</dt>
                      <dd>
                        <pre>{shown(event.after)}</pre>
                      </dd>
                    </>
                  ) : null}
                  <dt>{t('audit.hash')}</dt>
                  <dd className="code hash">{event.hash}</dd>
                </dl>
              </details>
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}
