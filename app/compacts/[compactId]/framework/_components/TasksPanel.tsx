import Link from 'next/link';
import { DeadlineBadge } from '@/app/_components/framework/DeadlineBadge';
import { useTranslations } from 'next-intl';
import type { MessageKey } from '@/i18n/types';
import type { DeadlineStatus } from '@/shared/framework/deadline';

interface Task {
  kind: 'due' | 'returned' | 'awaiting-validation';
  indicatorId: string;
  periodId: string;
  text: string;
  /** The period's reporting deadline (for due and returned tasks). */
  deadline: DeadlineStatus | null;
}

export function TasksPanel({ compactId, tasks }: { compactId: string; tasks: Task[] }) {
  const t = useTranslations();
  return (
    <section className="card side-card">
      <h2>{t('framework.myTasks')}</h2>
      {tasks.length === 0 ? (
        <p className="muted small">{t('framework.noTasks')}</p>
      ) : (
        <ul className="plain tasks" aria-label={t('framework.myTasks')}>
          {tasks.map((task) => (
            <li key={`${task.kind}-${task.indicatorId}-${task.periodId}`}>
              <span className={`badge task-${task.kind}`}>{t(`framework.task.${task.kind}` as MessageKey)}</span>{' '}
              <Link
                href={
                  task.kind === 'due'
                    ? `/compacts/${compactId}/progress?period=${task.periodId}`
                    : `/compacts/${compactId}/indicators/${task.indicatorId}`
                }
              >
                {task.text}
              </Link>{' '}
              <DeadlineBadge status={task.deadline} label={t('deadline.label')} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
