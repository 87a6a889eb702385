import { useTranslations } from 'next-intl';

const FILES = [
  { format: 'docx', view: 'clean', label: 'history.export.docxClean' },
  { format: 'docx', view: 'negotiation', label: 'history.export.docxNegotiation' },
  { format: 'md', view: 'clean', label: 'history.export.mdClean' },
  { format: 'md', view: 'negotiation', label: 'history.export.mdNegotiation' },
] as const;

/** Downloads of the current text: Word or Markdown, clean or with brackets and options. */
export function TextExports({ compactId }: { compactId: string }) {
  const t = useTranslations();
  return (
    <nav className="text-exports" aria-label={t('history.export.title')}>
      <span className="muted small">{t('history.export.title')}:</span>
      {FILES.map((file) => (
        <a
          key={`${file.format}-${file.view}`}
          className="button small secondary"
          href={`/api/compacts/${compactId}/text-export?format=${file.format}&view=${file.view}`}
          download
        >
          {t(file.label)}
        </a>
      ))}
    </nav>
  );
}
