'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ProvisionSummary } from '@/shared/negotiation/provisions';
import { findTopLevel, jumpToBlock } from './jump-to-provision';
import { useNegotiationData } from './use-negotiation-data';

/** What the negotiation pane (editor, clean text) and the provisions panel share on the compact page. */
export function useNegotiationWorkspace(compactId: string) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [clean, setClean] = useState(false);
  const data = useNegotiationData(editor, compactId);

  /** Back to the negotiation view (if needed), then to the provision — found by id, as the text may have moved. */
  const jump = useCallback(
    (provision: Pick<ProvisionSummary, 'id' | 'pos'>) => {
      if (!editor) return;
      flushSync(() => setClean(false));
      const pos = provision.id
        ? findTopLevel(editor, (node) => node.type.name === 'provision' && node.attrs.id === provision.id)
        : provision.pos;
      if (pos !== null) jumpToBlock(editor, pos);
    },
    [editor],
  );

  return { editor, setEditor, clean, setClean, data, jump };
}

export type NegotiationWorkspace = ReturnType<typeof useNegotiationWorkspace>;
