'use client';

import { useTranslations } from 'next-intl';
import type { CommentThread } from './use-comment-threads';

type Comment = CommentThread['comments'][number];

interface Props {
  comment: Comment;
  onDelete: (commentId: string) => void;
  deleting: boolean;
}

/** One comment: who (name and party code), when, what — or that it was deleted. */
export function CommentItem({ comment, onDelete, deleting }: Props) {
  const t = useTranslations();
  const time = new Date(comment.createdAt).toLocaleString();
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
