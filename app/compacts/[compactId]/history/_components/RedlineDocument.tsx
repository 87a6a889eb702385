import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { Translate } from '@/i18n/types';
import { citations } from '@/shared/history/provision-changes';
import type { RedlineAuthor, RedlineChange, RedlineItem, RedlineNode, RedlineText } from '@/shared/history/redline';
import { isAgreementState } from '@/shared/negotiation/vocabulary';
import { useTextAttributes } from '../../_components/TextLanguage';

/** Party codes by id (the compact's legend), for brackets and options. */
export type PartyCodes = ReadonlyMap<string, string>;

interface RenderContext {
  authors: RedlineAuthor[];
  parties: PartyCodes;
}

export const authorLabel = (t: Translate, author: RedlineAuthor | undefined): string =>
  author?.userId ? `${author.name ?? '?'} (${author.partyCode ?? '—'})` : t('history.system');

const authorCode = (t: Translate, author: RedlineAuthor | undefined): string =>
  author?.partyCode ?? t('history.systemCode');

function Changed({
  type,
  author,
  children,
  block = false,
}: {
  type: 'added' | 'removed';
  author: RedlineAuthor | undefined;
  children: ReactNode;
  block?: boolean;
}) {
  const t = useTranslations();
  const who = authorLabel(t, author);
  const announced = type === 'added' ? t('history.insertedBy', { who }) : t('history.deletedBy', { who });
  const Tag = type === 'added' ? 'ins' : 'del';
  const body = (
    <>
      <span className="sr-only">{announced} </span>
      {children}
      <sup className="rl-who" aria-hidden="true">
        {authorCode(t, author)}
      </sup>
      <span className="sr-only"> {t('history.changeEnd')}</span>
    </>
  );
  return block ? (
    <div className={`rl-change rl-${type} rl-block`} tabIndex={-1} data-change={type} title={announced}>
      {body}
    </div>
  ) : (
    <Tag className={`rl-change rl-${type}`} tabIndex={-1} data-change={type} title={announced}>
      {body}
    </Tag>
  );
}

function markedText(run: RedlineText, context: RenderContext): ReactNode {
  let node: ReactNode = run.text;
  for (const mark of run.marks) {
    if (mark.type === 'bold') node = <strong>{node}</strong>;
    else if (mark.type === 'italic') node = <em>{node}</em>;
    else if (mark.type === 'underline') node = <u>{node}</u>;
    else if (mark.type === 'strike') node = <s>{node}</s>;
    else if (mark.type === 'bracket') {
      const code = context.parties.get(String(mark.attrs.partyId)) ?? '?';
      node = (
        <span className="rl-bracket">
          [<sup className="rl-bracket-party">{code}</sup>
          {node}]
        </span>
      );
    }
  }
  return node;
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  table: 'table',
  tableRow: 'tr',
  tableCell: 'td',
  tableHeader: 'th',
};

/**
 * `inherited`: the change of an enclosing list item, table row or cell added or removed whole — those
 * cannot be wrapped in a block of their own (a `<div>` in a `<ul>` or `<tr>`), and the server drops
 * the changes inside them (they repeat its own), so their words carry it.
 */
function renderItems(items: RedlineItem[], context: RenderContext, inherited: RedlineChange | null): ReactNode[] {
  return items.map((item, index) => {
    if (item.kind === 'text') {
      const text = markedText(item, context);
      const change = item.change ?? inherited;
      return change ? (
        <Changed key={index} type={change.type} author={context.authors[change.author]}>
          {text}
        </Changed>
      ) : (
        <span key={index}>{text}</span>
      );
    }
    return <InnerNode key={index} node={item} context={context} inherited={inherited} />;
  });
}

const UNWRAPPABLE = new Set(['tableRow', 'tableCell', 'listItem']);

function InnerNode({
  node,
  context,
  inherited,
}: {
  node: RedlineNode;
  context: RenderContext;
  inherited: RedlineChange | null;
}) {
  const t = useTranslations();
  const wrapped = UNWRAPPABLE.has(node.type) ? null : node.change;
  // A block marked as a whole announces its change once; an unwrappable one hands it to its words.
  const childChange = wrapped ? null : (node.change ?? inherited);
  let element: ReactNode;
  if (node.type === 'hardBreak') element = <br />;
  else if (node.type === 'option') {
    const code = context.parties.get(String(node.attrs.partyId)) ?? '?';
    element = (
      <div className="rl-option">
        <p className="rl-option-label">{t('history.optionBy', { code })}</p>
        {renderItems(node.content, context, childChange)}
      </div>
    );
  } else if (node.type === 'table') {
    element = (
      <table className="rl-table">
        <tbody>{renderItems(node.content, context, childChange)}</tbody>
      </table>
    );
  } else {
    const Tag = (BLOCK_TAGS[node.type] ?? 'div') as 'div';
    element = <Tag>{renderItems(node.content, context, childChange)}</Tag>;
  }
  if (!wrapped) return element;
  return (
    <Changed type={wrapped.type} author={context.authors[wrapped.author]} block>
      {element}
    </Changed>
  );
}

/** A provision kind in words ('preambular' / 'operative'); anything else as it is. */
export const kindName = (t: Translate, kind: unknown): string =>
  kind === 'preambular' || kind === 'operative' ? t(`provisions.kindName.${kind}`) : String(kind ?? '—');

const stateName = (t: Translate, state: unknown): string =>
  isAgreementState(state) ? t(`negotiation.state.${state}`) : String(state ?? '—');

/** One top-level block: a provision (with its citation and any change of kind or state) or a heading. */
function Block({ block, label, context }: { block: RedlineNode; label: string | null; context: RenderContext }) {
  const t = useTranslations();
  const content = renderItems(block.content, context, null);
  const stateChanges = block.attributeChanges.filter((change) => change.key === 'state' || change.key === 'kind');
  const inner =
    block.type === 'heading' ? (
      <h2 className="rl-heading">{content}</h2>
    ) : (
      <div className="rl-provision" data-provision-id={String(block.attrs.id ?? '')}>
        <p className="rl-label">
          {label}
          {block.attrs.state && block.attrs.state !== 'open' ? (
            <span className="rl-state"> · {stateName(t, block.attrs.state)}</span>
          ) : null}
        </p>
        {stateChanges.map((change) => (
          <p key={change.key} className="rl-attribute rl-change" tabIndex={-1} data-change="attribute">
            {t(change.key === 'state' ? 'history.stateChanged' : 'history.kindChanged', {
              before: change.key === 'state' ? stateName(t, change.before) : kindName(t, change.before),
              after: change.key === 'state' ? stateName(t, change.after) : kindName(t, change.after),
              who: authorLabel(t, context.authors[change.author]),
            })}
          </p>
        ))}
        {content}
      </div>
    );
  if (!block.change) return inner;
  return (
    <Changed type={block.change.type} author={context.authors[block.change.author]} block>
      {inner}
    </Changed>
  );
}

/**
 * A redline (or a version's text, whose blocks carry no changes) as readers see it: insertions
 * underlined and deletions struck through, each tagged with its party's code and announced to
 * screen readers as an insertion or deletion by its author; each change is focusable.
 */
export function RedlineDocument({
  blocks,
  authors,
  parties,
}: {
  blocks: RedlineNode[];
  authors: RedlineAuthor[];
  parties: PartyCodes;
}) {
  const t = useTranslations();
  const text = useTextAttributes();
  const context = { authors, parties };
  const later = citations(blocks, 'removed');
  const earlier = citations(blocks, 'added');
  const labelOf = (index: number) =>
    later.get(index) ?? (earlier.has(index) ? t('history.deletedProvision', { label: earlier.get(index)! }) : null);
  return (
    <div className="redline" {...text}>
      {blocks.map((block, index) => (
        <Block key={index} block={block} label={labelOf(index)} context={context} />
      ))}
    </div>
  );
}
