'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { textDirection, type TextLanguage } from '@/shared/text-languages';

const TextLanguageContext = createContext<TextLanguage>('en');

/** The language the compact's text is written in, for every view of the text below it. */
export function TextLanguageProvider({ language, children }: { language: TextLanguage; children: ReactNode }) {
  return <TextLanguageContext.Provider value={language}>{children}</TextLanguageContext.Provider>;
}

/**
 * The `lang` and `dir` a view of the compact text carries on its root element (the editor, the
 * clean text, a version, a redline). Direction is presentation only: it is never stored in the
 * document, whose blocks each find their own direction (`unicode-bidi: plaintext` in globals.css).
 */
export function useTextAttributes(): { lang: TextLanguage; dir: 'ltr' | 'rtl' } {
  const lang = useContext(TextLanguageContext);
  return { lang, dir: textDirection(lang) };
}
