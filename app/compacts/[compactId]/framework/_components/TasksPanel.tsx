import Link from 'next/link';
import { t, type MessageKey } from '@/app/_lib/messages';

interface Task {
  kind: 'due' | 'returned' | 'awaiting-validation';
  indicatorId: string;
  periodId: string;
  text: string;
}

export function TasksPanel({ compactId, tasks }: { compactId: string; tasks: Task[] }) {
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
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
