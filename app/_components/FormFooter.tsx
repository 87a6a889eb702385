'use client';

import { useTranslations } from 'next-intl';
import { errorMessage } from '../_lib/trpc';

/** The error of a failed mutation (announced to screen readers), if any. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useTranslations();
  if (!error) return null;
  return (
    <p className="alert error" role="alert">
      {errorMessage(error, t)}
    </p>
  );
}

/** A form's last row: the mutation's error, then the submit button (disabled while pending). */
export function FormFooter({
  error,
  pending,
  label,
  small = false,
}: {
  error: unknown;
  pending: boolean;
  label: string;
  small?: boolean;
}) {
  return (
    <>
      <ErrorAlert error={error} />
      <button type="submit" className={`button primary${small ? ' small' : ''}`} disabled={pending}>
        {label}
      </button>
    </>
  );
}
