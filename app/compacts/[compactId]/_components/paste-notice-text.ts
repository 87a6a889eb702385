import { t, type MessageKey } from '@/app/_lib/messages';
import type { PasteLoss } from '@/shared/editor/paste/word-markup';

const LEFT_OUT: Partial<Record<PasteLoss, MessageKey>> = {
  images: 'paste.images',
  textBoxes: 'paste.textBoxes',
  comments: 'paste.comments',
};

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${t('paste.and')} ${items.at(-1)}`;
}

/** What a paste left out, in words: "Left out of the pasted text: images and text boxes and shapes. Links were kept as plain text." */
export function pasteNoticeText(losses: readonly PasteLoss[]): string {
  const leftOut = losses.flatMap((loss) => (LEFT_OUT[loss] ? [t(LEFT_OUT[loss])] : []));
  const sentences: string[] = [];
  if (leftOut.length > 0) sentences.push(t('paste.leftOut', { items: listed(leftOut) }));
  if (losses.includes('links')) sentences.push(t('paste.links'));
  if (losses.includes('headingsAsText')) sentences.push(t('paste.headingsAsText'));
  return sentences.join(' ');
}
