import { translatorFor } from '@/i18n/catalogues';

/** The English translator, for helpers that take `t` outside React. */
export const enT = translatorFor('en');
