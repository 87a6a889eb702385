/** One paragraph of a flat run of list paragraphs (as Word writes them: a level per paragraph, no nesting). */
export interface FlatListItem<T> {
  level: number;
  ordered: boolean;
  content: T;
}

export interface NestedList<T> {
  ordered: boolean;
  items: { content: T; children: NestedList<T>[] }[];
}

/**
 * Rebuilds nested lists from a flat run of list paragraphs: a deeper level opens a list inside
 * the previous item, a shallower one returns to its list, and a change between numbered and
 * bulleted at the same level starts a new list. A jump of several levels nests one level deeper.
 */
export function nestListItems<T>(items: FlatListItem<T>[]): NestedList<T>[] {
  const roots: NestedList<T>[] = [];
  const open: { level: number; list: NestedList<T> }[] = [];
  for (const item of items) {
    while (open.length > 0 && open.at(-1)!.level > item.level) open.pop();
    let top = open.at(-1);
    if (top && top.level === item.level && top.list.ordered !== item.ordered) {
      open.pop();
      top = undefined;
    }
    if (!top || top.level < item.level) {
      const list: NestedList<T> = { ordered: item.ordered, items: [] };
      const parent = open.at(-1)?.list.items.at(-1);
      if (parent) parent.children.push(list);
      else roots.push(list);
      open.push({ level: item.level, list });
      top = open.at(-1)!;
    }
    top.list.items.push({ content: item.content, children: [] });
  }
  return roots;
}
