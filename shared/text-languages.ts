/**
 * The language a compact's text is written in: one of the six official languages of the United
 * Nations. It sets the editor's direction (presentation only: nothing about direction is stored
 * in the document) and the language of exports.
 */
export const TEXT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export function textDirection(language: TextLanguage): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Each language under its own name (never translated: a reader finds their language by its name). */
export const TEXT_LANGUAGE_NAMES: Record<TextLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};
