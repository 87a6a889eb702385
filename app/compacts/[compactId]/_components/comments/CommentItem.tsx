'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { CommentThread } from './use-comment-threads';
import { moment } from '@/i18n/format';

type Comment = CommentThread['comments'][number];

interface Props {
  comment: Comment;
  onDelete: (commentId: string) => void;
  deleting: boolean;
}

/** One comment: who (name and party code), when, what — or that it was deleted. */
export function CommentItem({ comment, onDelete, deleting }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const time = moment(format, comment.createdAt);
  return (
    <li className="comment">
      <div className="comment-meta">
        <span className="person-name">{comment.authorName}</span>
        <span className="badge">{comment.partyCode}</span>
        <time dateTime={new Date(comment.createdAt).toISOString()} className="muted small">
          {time}
        </time>
      </div>
      {comment.deleted ? (
        <p className="muted small comment-deleted">{t('comments.deleted')}</p>
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {comment.can.delete && (
        <button
          type="button"
          className="button danger small"
          aria-label={t('comments.deleteLabel', { time })}
          disabled={deleting}
          onClick={() => {
            if (window.confirm(t('comments.confirmDelete'))) onDelete(comment.id);
          }}
        >
          {t('comments.delete')}
        </button>
      )}
    </li>
  );
}
