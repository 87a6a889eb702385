'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { signInErrorText } from './sign-in-error';

export function SignInForm() {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (response.ok) {
        // A full load, so every server component reads the new session (not a client-side navigation).
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign('/compacts');
        return;
      }
      const body: unknown = await response.json().catch(() => null);
      setError(signInErrorText(t, response.status, body, response.headers.get('retry-after')));
    } catch {
      setError(t('signIn.failed'));
    }
    setBusy(false);
  };

  return (
    <form className="stack" onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input name="email" type="email" autoComplete="username" required maxLength={320} autoFocus />
      </label>
      <label className="field">
        <span>{t('signIn.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      {error && (
        <p id="sign-in-error" className="alert error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
}
