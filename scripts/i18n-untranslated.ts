// Lists the messages of each non-English catalogue still identical to English
// (`npm run i18n:untranslated [-- --warn]`). Exits 1 when there are any, unless --warn.
import { parseArgs } from 'node:util';
import { CATALOGUES } from '../i18n/catalogues';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales';
import { SAME_AS_ENGLISH_IN, SAME_IN_EVERY_LANGUAGE, untranslatedMessages } from '../i18n/untranslated';

function main(): number {
  const { values } = parseArgs({ options: { warn: { type: 'boolean' } } });
  let total = 0;
  for (const locale of LOCALES.filter((code) => code !== DEFAULT_LOCALE)) {
    const allowed = [...SAME_IN_EVERY_LANGUAGE, ...(SAME_AS_ENGLISH_IN[locale] ?? [])];
    const same = untranslatedMessages(CATALOGUES[DEFAULT_LOCALE], CATALOGUES[locale], allowed);
    total += same.length;
    console.log(`${locale}: ${same.length} message(s) identical to English`);
    for (const { key, message } of same) console.log(`  ${key}: ${JSON.stringify(message)}`);
  }
  return total > 0 && !values.warn ? 1 : 0;
}

process.exitCode = main();
