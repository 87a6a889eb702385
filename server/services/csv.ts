import 'server-only';
import type { Problem } from '@/i18n/types';
import { ProblemError } from './domain-error';

/** RFC 4180 CSV, UTF-8 with a BOM (so Excel opens it), comma or semicolon separated. */
import { CsvError as ParserError, parse } from 'csv-parse/sync';
import { config } from '../config';

export type Separator = ',' | ';';

/** Bounds on a file to read; every one is checked while parsing, which stops at the first one passed. */
export interface CsvLimits {
  /** Characters of the whole file. */
  maxChars: number;
  /** Cells in one row. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Characters in one row (its cells together). */
  maxRowChars: number;
  /** Rows after the header (blank rows included). */
  maxRows: number;
  /** Non-empty cells after the header. */
  maxFilledCells: number;
}

export function csvLimitsFromConfig(): CsvLimits {
  return {
    maxChars: config.csvMaxChars,
    maxColumns: config.csvMaxColumns,
    maxCellChars: config.csvMaxCellChars,
    maxRowChars: config.csvMaxRowChars,
    maxRows: config.csvImportMaxRows,
    maxFilledCells: config.csvImportMaxFilledCells,
  };
}

/** A file that cannot be read: its message is meant for the person importing it. */
export class CsvReadError extends ProblemError {}

/** What a spreadsheet would run as a formula, at the start of a cell or of a part split off at either separator. */
const FORMULA_START = /^ *[=+\-@\t\r]/;
/** A plain number (as String(number) writes it) is a value, not a formula: -3.5 stays a number. */
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function looksLikeFormula(part: string): boolean {
  return FORMULA_START.test(part) && !PLAIN_NUMBER.test(part.trim());
}

/**
 * Whether a cell gets an apostrophe in front on export. A cell that already starts with one gets
 * another, so `restoreFormula` can strip exactly one on import and every cell round-trips.
 */
function needsNeutralising(cell: string): boolean {
  return cell.startsWith("'") || cell.split(/[,;]/).some(looksLikeFormula);
}

/** Neutralises cells a spreadsheet would run as a formula (in a comma or a semicolon locale), by prefixing an apostrophe. */
export function neutraliseFormula(cell: string): string {
  return needsNeutralising(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula` on import, so exported files round-trip. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && needsNeutralising(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Quotes any cell holding either separator, a tab, a line break or a quote, whatever the file's own separator. */
function quote(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",;\t\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][], separator: Separator = ','): string {
  const lines = [header, ...rows].map((row) => row.map(quote).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The separator with more occurrences on the first line (comma on a tie). */
function detectSeparator(input: string): Separator {
  const end = input.search(/[\r\n]/);
  const firstLine = end === -1 ? input : input.slice(0, end);
  let commas = 0;
  let semicolons = 0;
  for (const ch of firstLine) {
    if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function readableParserError(error: ParserError, limits: CsvLimits): Problem {
  const line = typeof error.lines === 'number' ? error.lines : 0;
  const field = (error as ParserError & { index?: number }).index ?? 0;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    // Past the column bound the parser stops splitting, so the rest of the row piles up in one cell.
    return field >= limits.maxColumns
      ? { key: 'errors.csv.hasMoreThanColumns', args: { line, max: limits.maxColumns } }
      : { key: 'errors.csv.holdsMoreThanCharacters', args: { line, max: limits.maxRowChars } };
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return { key: 'errors.csv.quotedCellNotClosed', args: { line } };
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return { key: 'errors.csv.quoteInsideQuotedCell', args: { line } };
  return { key: 'errors.csv.fileNotValidCsv', args: { line } };
}

/**
 * Parses CSV text (BOM optional, separator detected from the header line) into records of cells
 * (blank records kept, so numbering matches the file). Linear in the file's size, and it stops at
 * the first limit passed: past the column bound a row is no longer split into cells, so a row of
 * a million separators is refused once it passes the row-size bound, without building the cells.
 */
export function parseCsv(
  text: string,
  limits: CsvLimits = csvLimitsFromConfig(),
): { rows: string[][]; separator: Separator } {
  if (text.length > limits.maxChars)
    throw new CsvReadError({ key: 'errors.csv.fileHasMoreThan', args: { max: limits.maxChars } });
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = detectSeparator(input);
  let records = 0;
  let filled = 0;
  const record = (cells: string[]): string[] => {
    records++;
    if (cells.length > limits.maxColumns)
      throw new CsvReadError({ key: 'errors.csv.rowHasMoreThan', args: { records, max: limits.maxColumns } });
    if (records - 1 > limits.maxRows)
      throw new CsvReadError({ key: 'errors.csv.fileHasMoreThan2', args: { max: limits.maxRows } });
    return cells.map((cell, index) => {
      if (cell.length > limits.maxCellChars)
        throw new CsvReadError({
          key: 'errors.csv.rowColumnCellHolds',
          args: { records, column: index + 1, max: limits.maxCellChars },
        });
      if (records > 1 && cell !== '' && ++filled > limits.maxFilledCells) {
        throw new CsvReadError({ key: 'errors.csv.fileHasMoreThan3', args: { max: limits.maxFilledCells } });
      }
      return restoreFormula(cell);
    });
  };
  try {
    const rows: string[][] = parse(input, {
      delimiter: separator,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      ignore_last_delimiters: limits.maxColumns + 1,
      max_record_size: limits.maxRowChars,
      on_record: record,
    });
    return { rows, separator };
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    if (error instanceof ParserError) throw new CsvReadError(readableParserError(error, limits));
    throw error;
  }
}
