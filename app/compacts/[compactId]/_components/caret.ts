/** A remote person's caret: a coloured bar with their name, party code and e-mail domain. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  const code = typeof user.partyShortCode === 'string' ? ` · ${user.partyShortCode}` : '';
  const domain = typeof user.emailDomain === 'string' ? ` · ${user.emailDomain}` : '';
  label.textContent = `${typeof user.name === 'string' ? user.name : '?'}${code}${domain}`;
  caret.append(label);
  return caret;
}

export function renderSelection(user: Record<string, unknown>) {
  const colour = typeof user.color === 'string' ? user.color : '#475569';
  return { nodeName: 'span', class: 'remote-selection', style: `background-color: ${colour}33` };
}
