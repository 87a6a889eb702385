'use client';

import type { FormEvent } from 'react';
import { PROGRESS_TEXT_MAX } from '@/shared/framework/progress-rules';

/** One line of text and a button: returning an update with a reason, replying on it. */
export function OneLineForm({
  onSubmit,
  name,
  minLength,
  label,
  button,
  buttonClass,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  name: string;
  minLength?: number;
  label: string;
  button: string;
  buttonClass: 'danger' | 'secondary';
}) {
  return (
    <form className="member-controls" onSubmit={onSubmit}>
      <input
        name={name}
        required
        minLength={minLength}
        maxLength={PROGRESS_TEXT_MAX.comment}
        aria-label={label}
        placeholder={label}
      />
      <button type="submit" className={`button ${buttonClass} small`}>
        {button}
      </button>
    </form>
  );
}
