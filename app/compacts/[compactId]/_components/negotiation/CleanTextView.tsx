'use client';

import type { Editor } from '@tiptap/react';
import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cleanText, type CleanBlock, type CleanProvision, type CleanRun } from '@/shared/negotiation/clean-text';
import { useEditorDoc } from './use-editor-doc';
import { useTextAttributes } from '../TextLanguage';

const MARK_TAGS: Record<string, 'strong' | 'em' | 's' | 'u'> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
};

function Runs({ runs }: { runs: CleanRun[] }) {
  return runs.map((run, index) => {
    const parts = run.text.split('\n');
    let node: ReactNode = parts.map((part, i) => (
      <Fragment key={i}>
        {i > 0 && <br />}
        {part}
      </Fragment>
    ));
    for (const mark of run.marks) {
      const Tag = MARK_TAGS[mark];
      if (Tag) node = <Tag>{node}</Tag>;
    }
    return <Fragment key={index}>{node}</Fragment>;
  });
}

function Block({ block }: { block: CleanBlock }) {
  if (block.type === 'paragraph')
    return (
      <p>
        <Runs runs={block.runs} />
      </p>
    );
  if (block.type === 'blockquote') return <blockquote>{<Blocks blocks={block.blocks} />}</blockquote>;
  const items = block.items.map((item, index) => (
    <li key={index}>
      <Blocks blocks={item} />
    </li>
  ));
  return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
}

function Blocks({ blocks }: { blocks: CleanBlock[] }) {
  return blocks.map((block, index) => <Block key={index} block={block} />);
}

function Provision({ provision }: { provision: CleanProvision }) {
  const t = useTranslations();
  const pending = provision.pendingOptions;
  return (
    <div
      className="provision clean-provision"
      data-kind={provision.kind}
      data-label={provision.label}
      data-number={provision.number ?? undefined}
      data-clean-provision-id={provision.id ?? undefined}
      tabIndex={-1}
    >
      <Blocks blocks={provision.blocks} />
      {pending > 0 && <p className="options-pending">{t('negotiation.optionsPending', { count: pending })}</p>}
      {pending === 0 && provision.blocks.length === 0 && (
        <p className="options-pending">{t('negotiation.nothingAgreed')}</p>
      )}
    </div>
  );
}

/**
 * The clean text, rendered from the live document the editor holds: brackets' content and open
 * options left out (shared/negotiation/clean-text.ts), following every change, local or remote (useEditorDoc).
 * Read-only by construction — plain elements, not an editor, so it can never write to the document.
 */
export function CleanTextView({ editor }: { editor: Editor }) {
  const t = useTranslations();
  const doc = useEditorDoc(editor);
  const text = useTextAttributes();
  const blocks = useMemo(() => cleanText(doc), [doc]);
  return (
    <div className="editor clean-text-view">
      <div className="compact-text clean-text" {...text} role="document" aria-label={t('negotiation.cleanTextLabel')}>
        {blocks.map((block, index) => {
          if (block.type === 'provision') return <Provision key={`${block.id ?? 'p'}-${index}`} provision={block} />;
          const Heading = `h${Math.min(3, Math.max(1, block.level))}` as 'h1' | 'h2' | 'h3';
          return (
            <Heading key={`h${index}`}>
              <Runs runs={block.runs} />
            </Heading>
          );
        })}
      </div>
    </div>
  );
}
