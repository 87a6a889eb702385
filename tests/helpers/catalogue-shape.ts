import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A catalogue as `dotted.key → message`, plus the keys whose value is neither a string nor a nested object. */
export interface FlatCatalogue {
  messages: Map<string, string>;
  malformed: string[];
}

/** Reads `messages/<locale>.json` from disk, so a language added to LOCALES is checked without further wiring. */
export function loadCatalogue(locale: string): FlatCatalogue {
  const file = path.join(process.cwd(), 'messages', `${locale}.json`);
  const flat: FlatCatalogue = { messages: new Map(), malformed: [] };
  flatten(JSON.parse(readFileSync(file, 'utf8')) as unknown, '', flat);
  return flat;
}

function flatten(node: unknown, prefix: string, into: FlatCatalogue): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    into.malformed.push(prefix || '(root)');
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.messages.set(dotted, value);
    else flatten(value, dotted, into);
  }
}

/** What a message asks of its caller and its translators: the arguments with their types, plurals and selects. */
export interface MessageShape {
  /** Argument name → its kinds, e.g. `count → plural`, `when → date:day`, `b → tag`. */
  args: Map<string, string>;
  /** One entry per plural: its argument, whether cardinal or ordinal, and its option keys. */
  plurals: { name: string; ordinal: boolean; options: string[] }[];
  /** Select argument name → its option keys, sorted (they are code values, the same in every language). */
  selects: Map<string, string[]>;
}

export function parseMessage(message: string): { shape: MessageShape } | { error: string } {
  try {
    const shape: MessageShape = { args: new Map(), plurals: [], selects: new Map() };
    collect(parse(message), shape);
    return { shape };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function kindOf(element: MessageFormatElement): string | null {
  switch (element.type) {
    case TYPE.argument:
    case TYPE.tag:
    case TYPE.select:
      return TYPE[element.type];
    case TYPE.number:
    case TYPE.date:
    case TYPE.time: {
      const style = element.style;
      const detail = style == null ? '' : typeof style === 'string' ? `:${style}` : ':skeleton';
      return `${TYPE[element.type]}${detail}`;
    }
    case TYPE.plural:
      return element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
    default:
      // Literals carry no argument; `#` stands for the enclosing plural's argument, already recorded.
      return null;
  }
}

function record(shape: MessageShape, name: string, kind: string): void {
  const known = shape.args.get(name);
  const kinds = new Set(known ? known.split(' + ') : []);
  kinds.add(kind);
  shape.args.set(name, [...kinds].sort().join(' + '));
}

function collect(elements: MessageFormatElement[], shape: MessageShape): void {
  for (const element of elements) {
    const kind = kindOf(element);
    if (kind !== null && element.type !== TYPE.pound && element.type !== TYPE.literal) {
      record(shape, element.value, kind);
    }
    if (element.type === TYPE.plural) {
      const options = Object.keys(element.options);
      shape.plurals.push({ name: element.value, ordinal: element.pluralType === 'ordinal', options });
      for (const option of Object.values(element.options)) collect(option.value, shape);
    } else if (element.type === TYPE.select) {
      shape.selects.set(element.value, Object.keys(element.options).sort());
      for (const option of Object.values(element.options)) collect(option.value, shape);
    } else if (element.type === TYPE.tag) {
      collect(element.children, shape);
    }
  }
}

/** A map as sorted `name: kind` lines, to compare and to print. */
export function summarise(map: Map<string, string | string[]>): string {
  return [...map.entries()]
    .map(([name, kind]) => `${name}: ${Array.isArray(kind) ? kind.join('|') : kind}`)
    .sort()
    .join(', ');
}
