import type { MessageKey, Translate } from '@/i18n/types';
import type { PasteLoss } from '@/shared/editor/paste/word-markup';

const LEFT_OUT: Partial<Record<PasteLoss, MessageKey>> = {
  images: 'paste.images',
  textBoxes: 'paste.textBoxes',
  comments: 'paste.comments',
};

/** What a paste left out, in words: "Left out of the pasted text: images and text boxes and shapes. Links were kept as plain text." */
export function pasteNoticeText(t: Translate, locale: string, losses: readonly PasteLoss[]): string {
  const leftOut = losses.flatMap((loss) => (LEFT_OUT[loss] ? [t(LEFT_OUT[loss])] : []));
  const sentences: string[] = [];
  if (leftOut.length > 0)
    sentences.push(t('paste.leftOut', { items: new Intl.ListFormat(locale, { type: 'conjunction' }).format(leftOut) }));
  if (losses.includes('links')) sentences.push(t('paste.links'));
  if (losses.includes('headingsAsText')) sentences.push(t('paste.headingsAsText'));
  return sentences.join(' ');
}
