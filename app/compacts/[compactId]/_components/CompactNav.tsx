'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

export function CompactNav({
  compactId,
  title,
  reportsProgress,
  viewsAudit,
}: {
  compactId: string;
  title: string;
  reportsProgress: boolean;
  viewsAudit: boolean;
}) {
  const t = useTranslations();
  const pathname = usePathname();
  const base = `/compacts/${compactId}`;
  const links = [
    { href: base, label: t('nav.text'), active: pathname === base },
    {
      href: `${base}/framework`,
      label: t('nav.framework'),
      active:
        pathname.startsWith(`${base}/framework`) ||
        pathname.startsWith(`${base}/indicators`) ||
        pathname.startsWith(`${base}/scorecard`),
    },
    ...(reportsProgress
      ? [{ href: `${base}/progress`, label: t('nav.progress'), active: pathname.startsWith(`${base}/progress`) }]
      : []),
    { href: `${base}/history`, label: t('nav.history'), active: pathname.startsWith(`${base}/history`) },
    { href: `${base}/reviews`, label: t('nav.reviews'), active: pathname.startsWith(`${base}/reviews`) },
    ...(viewsAudit
      ? [{ href: `${base}/audit`, label: t('nav.audit'), active: pathname.startsWith(`${base}/audit`) }]
      : []),
  ];
  return (
    <nav className="compact-nav" aria-label={title}>
      <span className="compact-nav-title" dir="auto">
        {title}
      </span>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.active ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
