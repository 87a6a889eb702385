import { useTranslations } from 'next-intl';

/** "Archived on … by … — read only", with the reason when one was given (every page of an archived compact). */
export function ArchivedBanner({ archive }: { archive: { archivedAt: Date; archivedByName: string; reason: string } }) {
  const t = useTranslations();
  return (
    <div className="notice archived-banner" role="status">
      <p>
        <strong>
          {t('archive.banner', { date: archive.archivedAt.toISOString().slice(0, 10), name: archive.archivedByName })}
        </strong>
      </p>
      {archive.reason && <p>{t('archive.reason', { reason: archive.reason })}</p>}
    </div>
  );
}
