'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useMemo } from 'react';
import { listProvisions, type ProvisionSummary } from '@/shared/negotiation/provisions';

/** The provision holding the editor's selection (number, state, open proposals), or null. */
export function useCurrentProvision(editor: Editor): ProvisionSummary | null {
  const { doc, pos } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { $from } = e.state.selection;
      const inProvision = $from.depth >= 1 && $from.node(1).type.name === 'provision';
      return { doc: e.state.doc, pos: inProvision ? $from.before(1) : null };
    },
    equalityFn: (a, b) => a.doc === b?.doc && a.pos === b.pos,
  });
  return useMemo(() => (pos === null ? null : (listProvisions(doc).find((p) => p.pos === pos) ?? null)), [doc, pos]);
}
