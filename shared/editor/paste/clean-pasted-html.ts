import { nestListItems, type NestedList } from './list-nesting';
import {
  isOrderedMarker,
  isWordHtml,
  MAX_CLEANED_HTML_CHARS,
  parseMsoList,
  pasteLossesIn,
  stripWordMarkup,
  type PasteLoss,
} from './word-markup';

/** Browser-only (DOMParser): run on pasted HTML before ProseMirror parses it. */

const MEDIA = 'img, picture, video, audio, iframe, object, embed, svg, canvas';
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const styleOf = (element: Element) => element.getAttribute('style') ?? '';

/** Word's review comments: the references in the text and the list of comment texts at the end. */
function removeWordComments(body: HTMLElement) {
  for (const element of body.querySelectorAll('[style], a.msocomanchor, span.MsoCommentReference')) {
    if (
      element.matches('a.msocomanchor, span.MsoCommentReference') ||
      /mso-element:\s*comment-list|mso-special-character:\s*comment/i.test(styleOf(element))
    )
      element.remove();
  }
}

/** Word's floating layer (text boxes, shapes, floating pictures): positioned spans marked `mso-ignore:vglayout`. */
function removeFloatingLayer(body: HTMLElement, losses: Set<PasteLoss>) {
  for (const element of body.querySelectorAll('[style]')) {
    if (!element.isConnected || !/mso-ignore:\s*vglayout/i.test(styleOf(element))) continue;
    losses.add(element.textContent?.trim() ? 'textBoxes' : 'images');
    element.remove();
  }
}

function renderList(doc: Document, list: NestedList<Element>): HTMLElement {
  const element = doc.createElement(list.ordered ? 'ol' : 'ul');
  for (const item of list.items) {
    const li = doc.createElement('li');
    const paragraph = doc.createElement('p');
    paragraph.append(...item.content.childNodes);
    li.append(paragraph, ...item.children.map((child) => renderList(doc, child)));
    element.append(li);
  }
  return element;
}

const isListParagraph = (node: Element | null) => node !== null && parseMsoList(styleOf(node)) !== null;

/**
 * Word writes a list as paragraphs with `mso-list:l0 level2 lfo1` and a typed marker in a
 * `mso-list:Ignore` span: each run of such sibling paragraphs becomes real nested lists.
 */
function rebuildWordLists(doc: Document, body: HTMLElement) {
  for (const first of body.querySelectorAll('[style*="mso-list" i]')) {
    if (!first.isConnected || !isListParagraph(first) || isListParagraph(first.previousElementSibling)) continue;
    const run: Element[] = [];
    for (let node: Element | null = first; isListParagraph(node); node = node!.nextElementSibling) run.push(node!);
    const items = run.map((paragraph) => {
      const marker = paragraph.querySelector('[style*="mso-list:ignore" i]');
      const ordered = isOrderedMarker(marker?.textContent ?? '');
      marker?.remove();
      return { level: parseMsoList(styleOf(paragraph))!.level, ordered, content: paragraph };
    });
    first.before(...nestListItems(items).map((list) => renderList(doc, list)));
    for (const paragraph of run) paragraph.remove();
  }
}

function asBoldParagraph(doc: Document, heading: Element) {
  const paragraph = doc.createElement('p');
  const bold = doc.createElement('strong');
  bold.append(...heading.childNodes);
  paragraph.append(bold);
  heading.replaceWith(paragraph);
}

/**
 * Headings the text cannot hold as headings become bold paragraphs: those in table cells (a cell
 * holds text and lists) and levels 4–6 (the text has three).
 */
function demoteHeadings(doc: Document, body: HTMLElement, losses: Set<PasteLoss>) {
  const inCells = HEADINGS.flatMap((h) => [`td ${h}`, `th ${h}`]).join(', ');
  for (const heading of body.querySelectorAll(inCells)) {
    losses.add('headingsAsText');
    asBoldParagraph(doc, heading);
  }
  for (const heading of body.querySelectorAll('h4, h5, h6')) asBoldParagraph(doc, heading);
}

/**
 * Pasted HTML made fit for the compact text, and what was left out: Word's own markup removed,
 * its lists rebuilt, its comments and floating boxes dropped, media dropped, and headings that
 * cannot stay headings made bold. Tables, lists, headings and text formatting pass on to the
 * editor's parser.
 */
export function cleanPastedHtml(html: string): { html: string; losses: Set<PasteLoss> } {
  if (html.length > MAX_CLEANED_HTML_CHARS) return { html, losses: new Set() };
  const losses = pasteLossesIn(html);
  const word = isWordHtml(html);
  const doc = new DOMParser().parseFromString(word ? stripWordMarkup(html) : html, 'text/html');
  const body = doc.body;
  if (word) {
    removeWordComments(body);
    removeFloatingLayer(body, losses);
    rebuildWordLists(doc, body);
  }
  for (const media of body.querySelectorAll(MEDIA)) media.remove();
  demoteHeadings(doc, body, losses);
  return { html: body.innerHTML, losses };
}
