'use client';

import { useEffect, useState, type FocusEvent, type KeyboardEvent } from 'react';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);
/** Marks the toolbar's one tab stop (the last button used) on the DOM. */
const STOP = 'data-tab-stop';

function enabledButtons(toolbar: HTMLElement): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
}

function makeStop(toolbar: HTMLElement, stop: HTMLButtonElement | undefined) {
  for (const button of toolbar.querySelectorAll('button')) {
    button.tabIndex = button === stop ? 0 : -1;
    button.toggleAttribute(STOP, button === stop);
  }
}

/**
 * Where a key moves the focus among a toolbar's `count` enabled buttons from the one at `at`: the
 * next or previous (ArrowRight and ArrowLeft swapped right to left, as the buttons are laid out),
 * round the ends, or the first or last (Home, End). Null for any other key.
 */
export function rovingIndex(key: string, at: number, count: number, rtl: boolean): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = NEXT_KEYS.has(key) ? 1 : PREVIOUS_KEYS.has(key) ? -1 : 0;
  if (step === 0) return null;
  const mirrored = rtl && (key === 'ArrowRight' || key === 'ArrowLeft') ? -step : step;
  return (at + mirrored + count) % count;
}

/**
 * A toolbar with one tab stop (WAI-ARIA toolbar pattern): Tab enters it on the last button used,
 * the arrow keys (mirrored right to left), Home and End move between its enabled buttons, and
 * Escape hands focus back (to the editor). The tab stop is kept on the DOM after every render, so
 * a button that becomes disabled never holds the only way in.
 */
export function useRovingToolbar(onEscape?: () => void) {
  const [toolbar, setToolbar] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!toolbar) return;
    const stop = toolbar.querySelector<HTMLButtonElement>(`button[${STOP}]:not(:disabled)`);
    makeStop(toolbar, stop ?? enabledButtons(toolbar)[0]);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const bar = event.currentTarget;
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    // Alt+ArrowLeft (back), Ctrl+Home and the like stay the browser's.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = enabledButtons(bar);
    const at = Math.max(buttons.indexOf(document.activeElement as HTMLButtonElement), 0);
    const to = rovingIndex(event.key, at, buttons.length, getComputedStyle(bar).direction === 'rtl');
    const target = to === null ? undefined : buttons[to];
    if (!target) return;
    event.preventDefault();
    makeStop(bar, target);
    target.focus();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLButtonElement) makeStop(event.currentTarget, event.target);
  };

  return { attach: setToolbar, onKeyDown, onFocus };
}
