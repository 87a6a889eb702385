'use client';

import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations();
  const signOut = async () => {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    // A full load, so nothing of the signed-in session stays in the client's state.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign('/');
  };
  return (
    <button type="button" className="button secondary small" onClick={signOut}>
      {t('nav.signOut')}
    </button>
  );
}
