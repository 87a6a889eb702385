import type { Translate } from '@/i18n/types';

/**
 * A remote caret: a coloured bar with the person's name, party code and e-mail domain — or, for
 * the viewer's own other tab (same person, another connection), "You (other tab)".
 */
export function renderCaret(user: Record<string, unknown>, t: Translate, myUserId?: string): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = caretLabel(t, user, myUserId);
  caret.append(label);
  // Named for screen readers (the visible label is then presentational): whose cursor, for which party.
  caret.setAttribute('role', 'img');
  caret.setAttribute('aria-label', caretName(t, user, myUserId));
  return caret;
}

/** The text on a remote caret (see renderCaret). */
export function caretLabel(t: Translate, user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('presence.otherTab');
  const code = typeof user.partyShortCode === 'string' ? ` · ${user.partyShortCode}` : '';
  const domain = typeof user.emailDomain === 'string' ? ` · ${user.emailDomain}` : '';
  return `${typeof user.name === 'string' ? user.name : '?'}${code}${domain}`;
}

/** The accessible name of a remote caret: "Cursor of Piotr Varga, VAR" (or the viewer's own other tab). */
export function caretName(t: Translate, user: Record<string, unknown>, myUserId?: string): string {
  if (myUserId !== undefined && user.userId === myUserId) return t('a11y.caretOtherTab');
  const name = typeof user.name === 'string' ? user.name : '?';
  const party = typeof user.partyShortCode === 'string' ? user.partyShortCode : '';
  return t('a11y.caret', { name, party });
}

export function renderSelection(user: Record<string, unknown>) {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  return { nodeName: 'span', class: 'remote-selection', style: `background-color: ${colour}33` };
}

interface Span {
  left: number;
  right: number;
}

/**
 * How far (px, whole) a label must move to lie inside the box, from where it stands now with
 * `current` already applied: 0 when it fits. Measured from its own place (rect minus its shift).
 */
export function labelShift(box: Span, label: Span, current = 0): number {
  const left = label.left - current;
  const right = label.right - current;
  return Math.round(right > box.right ? box.right - right : left < box.left ? box.left - left : 0);
}

/**
 * Shifts remote carets' name labels back inside the editor's box where they would overflow one of
 * its edges (the end of a line, in either direction). Labels run from their caret towards the end
 * of the line (logical CSS), so this only moves one that sits near the box's far edge. Cheap on
 * the typing path: nothing is measured when no one else's caret is shown, every label is measured
 * before any is moved (one layout, not one per label), and a label is written only when its shift changes.
 */
export function keepCaretLabelsInside(root: HTMLElement) {
  const labels = Array.from(root.querySelectorAll<HTMLElement>('.remote-caret-label'));
  if (labels.length === 0) return;
  const box = root.getBoundingClientRect();
  const shifts = labels.map((label) => {
    const current = Number(label.dataset.shift ?? 0);
    return { current, next: labelShift(box, label.getBoundingClientRect(), current) };
  });
  labels.forEach((label, i) => {
    const { current, next } = shifts[i]!;
    if (next === current) return;
    label.dataset.shift = String(next);
    label.style.translate = next === 0 ? '' : `${next}px 0`;
  });
}
