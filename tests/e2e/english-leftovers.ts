import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { flattenCatalogue, messageLiterals } from '../../i18n/untranslated';

type Catalogue = { [key: string]: string | Catalogue };

export function catalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Catalogue;
}

const flatten = (node: Catalogue): Map<string, string> =>
  new Map(flattenCatalogue(node).map(({ key, message }) => [key, message]));

/**
 * Phrases only the English interface shows: the literal parts of every English message whose
 * translation differs, at least two words and ten characters long (shorter ones, like "OK" or a
 * unit, would match user data by chance).
 */
export function distinctiveEnglish(locale: string): { key: string; phrase: string }[] {
  const english = flatten(catalogue('en'));
  const translated = flatten(catalogue(locale));
  const phrases: { key: string; phrase: string }[] = [];
  for (const [key, message] of english) {
    if (translated.get(key) === message) continue;
    for (const literal of messageLiterals(message)) {
      for (const piece of literal.split(/[“”"«»()]/)) {
        const phrase = piece.trim().replace(/[.:,;!?…—–-]+$/, '');
        if (phrase.length >= 10 && /\p{L}+\s+\p{L}+/u.test(phrase)) phrases.push({ key, phrase });
      }
    }
  }
  return phrases;
}

/** Everything a person reads or hears on the page, except the compact's own text (user data). */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const editor of document.querySelectorAll<HTMLElement>('.ProseMirror'))
      text = text.replace(editor.innerText, '');
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .filter((element) => !element.closest('.ProseMirror'))
      .flatMap((element) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
      );
    return [text, ...attributes, document.title].join('\n');
  });
}

/** Short English messages without arguments ("Sign in", "History") whose translation differs. */
function shortEnglish(locale: string): Map<string, string> {
  const translated = flatten(catalogue(locale));
  const out = new Map<string, string>();
  for (const [key, message] of flatten(catalogue('en')))
    if (translated.get(key) !== message && !message.includes('{') && /\p{L}{2}/u.test(message)) out.set(message, key);
  return out;
}

/** The whole text of the controls, headings and labels of the page (outside the compact's text). */
async function controlTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a, label, legend, th, h1, h2, h3, h4, summary, option, [role=tab], .badge, .chip',
      ),
    ]
      .filter((element) => !element.closest('.ProseMirror'))
      .map((element) => element.innerText.trim()),
  );
}

/**
 * The English phrases left on a page read in another language (empty when there are none).
 * `userData` are names people typed (parties, titles): they stay as written in every language.
 */
export async function englishLeftOn(page: Page, locale: string, userData: readonly string[] = []): Promise<string[]> {
  const text = userData.reduce((rest, name) => rest.replaceAll(name, ''), await readableText(page));
  const short = shortEnglish(locale);
  const phrases = distinctiveEnglish(locale)
    .filter(({ phrase }) => text.includes(phrase))
    .map(({ key, phrase }) => `${key}: “${phrase}”`);
  const controls = (await controlTexts(page)).flatMap((label) =>
    short.has(label) && !userData.includes(label) ? [`${short.get(label)}: “${label}”`] : [],
  );
  return [...new Set([...phrases, ...controls])];
}
