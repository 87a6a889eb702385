'use client';

import { useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

function enabledButtons(toolbar: HTMLElement): HTMLButtonElement[] {
  return [...toolbar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
}

/**
 * A toolbar with one tab stop (WAI-ARIA toolbar pattern): Tab enters it on the last button used,
 * the arrow keys (mirrored right to left), Home and End move between its enabled buttons, and
 * Escape hands focus back (to the editor). Tab indexes are kept on the DOM after every render, so
 * a button that becomes disabled never holds the only tab stop.
 */
export function useRovingToolbar(onEscape?: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    const buttons = enabledButtons(toolbar);
    const stop = current.current && buttons.includes(current.current) ? current.current : buttons[0];
    for (const button of toolbar.querySelectorAll('button')) button.tabIndex = button === stop ? 0 : -1;
  });

  const makeStop = (button: HTMLButtonElement) => {
    if (!ref.current) return;
    for (const other of ref.current.querySelectorAll('button')) other.tabIndex = other === button ? 0 : -1;
    current.current = button;
  };
  const moveTo = (button: HTMLButtonElement | undefined) => {
    if (!button) return;
    makeStop(button);
    button.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const toolbar = ref.current;
    if (!toolbar) return;
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    const buttons = enabledButtons(toolbar);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = getComputedStyle(toolbar).direction === 'rtl';
    const horizontal = event.key === 'ArrowRight' || event.key === 'ArrowLeft';
    const step = NEXT_KEYS.has(event.key) ? 1 : PREVIOUS_KEYS.has(event.key) ? -1 : 0;
    if (step !== 0) {
      const forward = rtl && horizontal ? -step : step;
      moveTo(buttons[(Math.max(at, 0) + forward + buttons.length) % buttons.length]);
    } else if (event.key === 'Home') moveTo(buttons[0]);
    else if (event.key === 'End') moveTo(buttons[buttons.length - 1]);
    else return;
    event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLButtonElement) makeStop(event.target);
  };

  return { ref, onKeyDown, onFocus };
}
