import { useFormatter, useTranslations } from 'next-intl';
import { moment } from '@/i18n/format';

/** "Archived on … by … — read only", with the reason when one was given (every page of an archived compact). */
export function ArchivedBanner({ archive }: { archive: { archivedAt: Date; archivedByName: string; reason: string } }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <div className="notice archived-banner" role="status">
      <p>
        <strong>
          {t('archive.banner', { date: moment(format, archive.archivedAt), name: archive.archivedByName })}
        </strong>
      </p>
      {archive.reason && <p>{t('archive.reason', { reason: archive.reason })}</p>}
    </div>
  );
}
