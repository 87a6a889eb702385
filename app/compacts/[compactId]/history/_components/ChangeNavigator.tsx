'use client';

import { useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslations } from 'next-intl';

/** Moves focus between the changes inside `container` (insertions, deletions, state changes), announcing each. */
function useChangeFocus(container: RefObject<HTMLElement | null>) {
  const t = useTranslations();
  const [current, setCurrent] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const changes = () => [...(container.current?.querySelectorAll<HTMLElement>('.rl-change') ?? [])];
  const go = (step: 1 | -1) => {
    const all = changes();
    if (all.length === 0) return;
    const next = current < 0 ? (step === 1 ? 0 : all.length - 1) : (current + step + all.length) % all.length;
    const target = all[next]!;
    target.focus();
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
    setCurrent(next);
    setAnnouncement(
      t('history.changeOf', { n: next + 1, count: all.length, what: target.title || target.textContent || '' }),
    );
  };
  return { go, announcement };
}

/**
 * "Previous change" / "Next change" over a redline, also with the keys N and P (or J and K) while
 * focus is in the compare view: each change is focused, scrolled to and announced.
 */
export function ChangeNavigator({ count, children }: { count: number; children: ReactNode }) {
  const t = useTranslations();
  const container = useRef<HTMLDivElement>(null);
  const { go, announcement } = useChangeFocus(container);
  // Only while focus is inside the compare view (WCAG 2.1.4: no page-wide single-key shortcuts).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select')) return;
    if (event.key === 'n' || event.key === 'j') go(1);
    else if (event.key === 'p' || event.key === 'k') go(-1);
  };
  return (
    <div ref={container} onKeyDown={onKeyDown}>
      <div className="change-nav" role="toolbar" aria-label={t('history.changeNav')}>
        <button type="button" className="button small secondary" disabled={count === 0} onClick={() => go(-1)}>
          {t('history.previousChange')}
        </button>
        <button type="button" className="button small secondary" disabled={count === 0} onClick={() => go(1)}>
          {t('history.nextChange')}
        </button>
        <span className="muted small">{t('history.changeKeys')}</span>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {children}
    </div>
  );
}
