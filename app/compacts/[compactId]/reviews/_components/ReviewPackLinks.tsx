import { useTranslations } from 'next-intl';

/** Downloads of a cycle's review pack (each publishes the audit chain's head, recorded in the log). */
export function ReviewPackLinks({ compactId, cycleId }: { compactId: string; cycleId: string }) {
  const t = useTranslations();
  const href = (format: 'docx' | 'pdf') => `/api/compacts/${compactId}/reviews/${cycleId}/pack?format=${format}`;
  return (
    <section className="card review-pack" aria-labelledby="review-pack-title">
      <h2 id="review-pack-title">{t('reviews.pack.title')}</h2>
      <p className="muted small">{t('reviews.pack.intro')}</p>
      <div className="text-exports">
        <a className="button small secondary" href={href('docx')} download>
          {t('reviews.pack.docx')}
        </a>
        <a className="button small secondary" href={href('pdf')} download>
          {t('reviews.pack.pdf')}
        </a>
      </div>
    </section>
  );
}
