import type { EditorState, Transaction } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** The editor's link to its Yjs document (from the Collaboration extension's sync plugin). */
export interface YBinding {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: Mapping;
}

interface SyncPluginState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Mapping } | null;
}

function syncState(state: EditorState): SyncPluginState | null {
  return (ySyncPluginKey.getState(state) as SyncPluginState | undefined) ?? null;
}

/** The binding once the editor shows the Yjs document (null before its first render). */
export function yBinding(state: EditorState): YBinding | null {
  const sync = syncState(state);
  if (!sync?.binding || sync.binding.mapping.size === 0) return null;
  return { ydoc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}

/** Whether a transaction carries changes from the Yjs document (then the binding matches its new state). */
export function fromYjs(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

export function toRelative(binding: YBinding, pos: number): Y.RelativePosition {
  return absolutePositionToRelativePosition(pos, binding.fragment, binding.mapping) as Y.RelativePosition;
}

export function toAbsolute(binding: YBinding, position: Y.RelativePosition): number | null {
  return relativePositionToAbsolutePosition(binding.ydoc, binding.fragment, position, binding.mapping);
}
