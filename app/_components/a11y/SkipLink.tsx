'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslations } from 'next-intl';
import { focusTarget } from '@/app/_lib/focus';

/** The compact's text page: its skip link goes into the editor rather than to the top of the page. */
const COMPACT_TEXT = /^\/compacts\/[^/]+$/;

/**
 * The first focusable element of every page (visible when focused): "Skip to the text" on a
 * compact's text page, which puts the cursor in the editor (or in the clean text when that view is
 * on), and "Skip to content" elsewhere, which moves focus to the page's main region.
 */
export function SkipLink() {
  const t = useTranslations();
  const pathname = usePathname();
  const toText = COMPACT_TEXT.test(pathname);
  // After a client-side navigation that removed the focused link, focus restarts at the top of the
  // page (just before this link), as after a full page load, instead of somewhere in the new page.
  const restart = useRef<HTMLSpanElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const active = document.activeElement;
    if (!active || active === document.body) restart.current?.focus({ preventScroll: true });
  }, [pathname]);
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.querySelector<HTMLElement>('main');
    const text = toText ? document.querySelector<HTMLElement>('.editor:not([hidden]) .compact-text') : null;
    const target = text ?? main;
    if (!target) return;
    event.preventDefault();
    focusTarget(target);
  };
  return (
    <>
      <span ref={restart} tabIndex={-1} className="focus-restart" />
      <a className="skip-link" href="#main" onClick={skip}>
        {toText ? t('a11y.skipToText') : t('a11y.skipToContent')}
      </a>
    </>
  );
}
