import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INTL_TAG, LOCALES, type AppLocale } from '@/i18n/locales';
import { loadCatalogue, parseMessage, summarise, type MessageShape } from '@/tests/helpers/catalogue-shape';

const REFERENCE: AppLocale = 'en';
const catalogues = new Map(LOCALES.map((locale) => [locale, loadCatalogue(locale)] as const));
const english = catalogues.get(REFERENCE)!.messages;

/** Every message that parses, by locale and key (parse errors are reported by their own test). */
const shapes = new Map(
  LOCALES.map((locale) => {
    const parsed = new Map<string, MessageShape>();
    for (const [key, message] of catalogues.get(locale)!.messages) {
      const result = parseMessage(message);
      if ('shape' in result) parsed.set(key, result.shape);
    }
    return [locale, parsed] as const;
  }),
);

/** Fails with one line per problem, each starting with the locale and the key to fix. */
function assertNoProblems(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${what} (${problems.length}):\n${problems.join('\n')}`);
}

/** For each key whose message parses in English and in a language: where one part of its shape differs. */
function differencesFromEnglish(part: 'args' | 'selects', verb: string): string[] {
  const reference = shapes.get(REFERENCE)!;
  return LOCALES.flatMap((locale) =>
    [...shapes.get(locale)!].flatMap(([key, shape]) => {
      const base = reference.get(key);
      if (!base) return [];
      const expected = summarise(base[part]);
      const actual = summarise(shape[part]);
      return expected === actual ? [] : [`${locale}: ${key}: ${verb} {${actual}}, en ${verb} {${expected}}`];
    }),
  );
}

test('every language has exactly the keys of the English catalogue, all of them messages', () => {
  const problems: string[] = [];
  for (const [locale, { messages, malformed }] of catalogues) {
    for (const key of malformed) problems.push(`${locale}: ${key} is neither a message nor a group of messages`);
    const missing = [...english.keys()].filter((key) => !messages.has(key));
    const extra = [...messages.keys()].filter((key) => !english.has(key));
    if (missing.length > 0)
      problems.push(`${locale}: ${missing.length} missing (add them, translated): ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${locale}: ${extra.length} not in en.json (remove them): ${extra.join(', ')}`);
  }
  assertNoProblems(problems, 'Catalogues whose keys differ from messages/en.json');
});

test('every message is valid ICU MessageFormat', () => {
  const problems: string[] = [];
  for (const [locale, { messages }] of catalogues) {
    for (const [key, message] of messages) {
      const result = parseMessage(message);
      if ('error' in result) problems.push(`${locale}: ${key}: ${result.error} in ${JSON.stringify(message)}`);
    }
  }
  assertNoProblems(problems, 'Messages that do not parse');
});

test('every translation takes the same arguments, of the same types, as the English message', () => {
  assertNoProblems(differencesFromEnglish('args', 'has'), 'Messages whose arguments differ from English');
});

test('plurals use only the plural categories of their language (or =N) and always have other', () => {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const categories = (ordinal: boolean): readonly string[] =>
      new Intl.PluralRules(INTL_TAG[locale], { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions()
        .pluralCategories;
    for (const [key, shape] of shapes.get(locale)!) {
      for (const plural of shape.plurals) {
        const allowed = categories(plural.ordinal);
        const wrong = plural.options.filter((option) => !/^=\d+$/.test(option) && !allowed.includes(option));
        if (wrong.length > 0) {
          problems.push(
            `${locale}: ${key}: {${plural.name}} uses ${wrong.join(', ')}; allowed: ${allowed.join(', ')}, =N`,
          );
        }
        if (!plural.options.includes('other')) problems.push(`${locale}: ${key}: {${plural.name}} has no other`);
      }
    }
  }
  assertNoProblems(problems, 'Plurals with categories their language does not have');
});

test('select options are the same code values in every language', () => {
  assertNoProblems(differencesFromEnglish('selects', 'selects'), 'Selects whose options differ from English');
});

test('no message is empty or contains an ASCII apostrophe (ICU’s escape character: write ’)', () => {
  const problems: string[] = [];
  for (const [locale, { messages }] of catalogues) {
    for (const [key, message] of messages) {
      if (message.trim() === '') problems.push(`${locale}: ${key} is empty`);
      if (message.includes("'")) problems.push(`${locale}: ${key} contains ' in ${JSON.stringify(message)}`);
    }
  }
  assertNoProblems(problems, 'Empty messages or ASCII apostrophes');
});

test('French messages put a no-break space, not an ordinary one, before : ; ? ! and inside « »', () => {
  const french = catalogues.get('fr')?.messages ?? new Map<string, string>();
  const ordinarySpace = / [:;?!»]|« /;
  const problems = [...french]
    .filter(([, message]) => ordinarySpace.test(message))
    .map(
      ([key, message]) =>
        `fr: ${key}: ${JSON.stringify(message)} (U+00A0 before : and inside « », U+202F before ; ? !)`,
    );
  assertNoProblems(problems, 'French messages with an ordinary space before high punctuation');
});

test('a message’s shape names each argument with its type, down into plural options and tags', () => {
  const result = parseMessage(
    '{count, plural, one {# item on {when, date, day}} other {<b>{who}</b>: {share, number, percent}}} {kind, select, a {A} other {B}}',
  );
  assert.ok('shape' in result);
  assert.equal(
    summarise(result.shape.args),
    'b: tag, count: plural, kind: select, share: number:percent, when: date:day, who: argument',
  );
  assert.deepEqual(result.shape.plurals, [{ name: 'count', ordinal: false, options: ['one', 'other'] }]);
  assert.equal(summarise(result.shape.selects), 'kind: a|other');
  assert.ok('error' in parseMessage('{count, plural, one {# item}}'));
  assert.ok('error' in parseMessage('{unclosed'));
});
