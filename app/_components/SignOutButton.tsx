'use client';

import { t } from '../_lib/messages';

export function SignOutButton() {
  const signOut = async () => {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    window.location.assign('/');
  };
  return (
    <button type="button" className="button secondary small" onClick={signOut}>
      {t('nav.signOut')}
    </button>
  );
}
