import { useFormatter, useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import type { ProvisionChange, RedlineAuthor } from '@/shared/history/redline';
import { isAgreementState } from '@/shared/negotiation/vocabulary';
import { authorLabel, kindName } from './RedlineDocument';
import { beforeAfter, usePageDirection } from '@/app/_lib/use-page-direction';

const stateName = (t: Translate, state: string | null) =>
  isAgreementState(state) ? t(`negotiation.state.${state}`) : '—';

function whatHappened(t: Translate, change: ProvisionChange): string {
  const parts: string[] = [];
  if (change.added) parts.push(t('history.summary.added'));
  if (change.removed) parts.push(t('history.summary.removed'));
  if (change.textChanged) parts.push(t('history.summary.textChanged'));
  if (!change.added && !change.removed && change.kindBefore !== change.kindAfter)
    parts.push(
      t('history.summary.kindChanged', {
        before: kindName(t, change.kindBefore),
        after: kindName(t, change.kindAfter),
      }),
    );
  if (!change.added && !change.removed && change.stateBefore !== change.stateAfter)
    parts.push(
      t('history.summary.stateChanged', {
        before: stateName(t, change.stateBefore),
        after: stateName(t, change.stateAfter),
      }),
    );
  return parts.join('; ');
}

/** Provision by provision: what was added, removed, reworded or whose agreement state changed, and by whom. */
export function ProvisionSummary({ changes, authors }: { changes: ProvisionChange[]; authors: RedlineAuthor[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const direction = usePageDirection();
  return (
    <section className="card" aria-labelledby="provision-summary">
      <h2 id="provision-summary">{t('history.summary.title')}</h2>
      {changes.length === 0 ? (
        <p className="muted small">{t('history.summary.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('history.summary.provision')}</th>
                <th scope="col">{t('history.summary.what')}</th>
                <th scope="col">{t('history.summary.by')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, index) => (
                <tr key={change.provisionId ?? index}>
                  <td>
                    <strong>
                      {change.labelBefore && change.labelAfter && change.labelBefore !== change.labelAfter
                        ? beforeAfter(change.labelBefore, change.labelAfter, direction)
                        : (change.labelAfter ?? change.labelBefore)}
                    </strong>{' '}
                    <span className="muted small">{change.firstWords}</span>
                  </td>
                  <td>{whatHappened(t, change)}</td>
                  <td>
                    {format.list(
                      change.authors.map((author) => authorLabel(t, authors[author])),
                      { type: 'unit' },
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
