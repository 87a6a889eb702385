/** Lower-case words, for comparing a visible text with a name word by word. */
const words = (text: string) => text.toLocaleLowerCase().split(/\s+/).filter(Boolean);

/**
 * WCAG 2.5.3 (label in name): a control's accessible name contains its visible text, as whole
 * words, so someone who says what they see ("click H1") reaches it. A visible text with letters
 * or digits that the name does not already contain comes first: "H1 Heading 1", "OP Make this
 * provision operative". A single character ("B" for Bold) and symbols (•, ↶) are left out: they
 * are not words anyone says.
 */
export function nameWithVisibleText(name: string, text: string): string {
  if (!/[\p{L}\p{N}]/u.test(text) || [...text.trim()].length < 2) return name;
  const have = words(name);
  const want = words(text);
  const contained = have.some((_, at) => want.every((word, i) => have[at + i] === word));
  return contained ? name : `${text} ${name}`;
}
