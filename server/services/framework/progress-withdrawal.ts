import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { progressUpdates } from '@/db/schema/framework';
import { mayMove } from '@/shared/framework/progress-workflow';
import { authorize } from '../../policies/authorize';
import { otherPartysUpdateRefusal } from '../../policies/progress-policy';
import { recordAuditEvent } from '../audit';
import { DomainError } from '../domain-error';
import { requireUpdate, type ProgressActor } from './progress';

/**
 * A monitor takes back their party's submission before any validator decided on it: it is a draft
 * again (to correct and submit anew), out of the validators' queue; recorded in the audit log.
 */
export function withdrawProgress(db: Db, actor: ProgressActor, compactId: string, updateId: string) {
  return db.transaction((tx) => {
    const update = requireUpdate(tx, compactId, updateId);
    authorize(otherPartysUpdateRefusal(actor, update));
    if (!mayMove(update.state, 'draft'))
      throw new DomainError('CONFLICT', {
        key: 'errors.progressWithdrawal.onlySubmissionNotDecided',
        args: { state: update.state },
      });
    tx.update(progressUpdates)
      .set({ state: 'draft', submittedBy: null, submittedAt: null, updatedAt: new Date() })
      .where(eq(progressUpdates.id, updateId))
      .run();
    recordAuditEvent(tx, actor, {
      compactId,
      action: 'progress.withdrawn',
      entityType: 'progress-update',
      entityId: updateId,
      before: { state: 'submitted', submittedBy: update.submittedBy },
      after: { state: 'draft' },
    });
    return requireUpdate(tx, compactId, updateId);
  });
}
