import Link from 'next/link';
import type { Me } from '../_lib/router-types';
import { useTranslations } from 'next-intl';
import { HeaderMenu } from './HeaderMenu';
import { LocaleSwitcher } from './LocaleSwitcher';
import { SignOutButton } from './SignOutButton';
import { NotificationBell } from './NotificationBell';

export function AppHeader({ actor }: { actor: Pick<Me, 'name' | 'isInstanceAdmin' | 'validatesAnywhere'> }) {
  const t = useTranslations();
  return (
    <header className="app-header">
      <Link href="/compacts" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>{' '}
        {t('app.name')}
      </Link>
      <HeaderMenu>
        <nav aria-label={t('a11y.mainNav')}>
          <Link href="/compacts">{t('nav.compacts')}</Link>
          {actor.isInstanceAdmin && <Link href="/admin">{t('nav.admin')}</Link>}
          {actor.validatesAnywhere && <Link href="/validation">{t('nav.validation')}</Link>}
        </nav>
        <div className="header-user">
          <LocaleSwitcher hideLabel />
          <span className="muted">{t('nav.signedInAs', { name: actor.name })}</span>
          <SignOutButton />
        </div>
      </HeaderMenu>
      {/* Outside the menu: the unread count stays in sight on a narrow screen. */}
      <NotificationBell />
    </header>
  );
}
