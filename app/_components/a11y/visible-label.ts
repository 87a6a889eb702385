/**
 * WCAG 2.5.3 (label in name): a control's accessible name contains its visible text, so someone
 * who says what they see ("click H1") reaches it. A visible text with letters or digits that the
 * name does not already contain comes first, as its own word: "H1 Heading 1". Symbols (•, ↶) are left out.
 */
export function nameWithVisibleText(name: string, text: string): string {
  if (!/[\p{L}\p{N}]/u.test(text)) return name;
  return name.toLocaleLowerCase().includes(text.toLocaleLowerCase()) ? name : `${text} ${name}`;
}
