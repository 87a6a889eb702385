'use client';

import { usePathname } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';

/**
 * The header's navigation and account controls. On a narrow screen they fold behind a "Menu"
 * button (a disclosure: `aria-expanded`, Escape closes it); on a wide screen the button is hidden
 * by CSS and the contents always show. Following a link closes the menu; Escape closes it and
 * puts the focus back on the button.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  // The page the menu was opened on: moving to another page closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="header-menu"
      data-open={open ? 'true' : 'false'}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        // The contents it hides may hold the focus: it goes back to the button, not to the page's start.
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button secondary small header-menu-toggle"
        aria-expanded={open}
        aria-controls="header-menu-contents"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> {t('nav.menu')}
      </button>
      <div id="header-menu-contents" className="header-menu-contents">
        {children}
      </div>
    </div>
  );
}
