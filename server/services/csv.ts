/** RFC 4180 CSV, UTF-8 with a BOM (so Excel opens it), comma or semicolon separated. */
export type Separator = ',' | ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises cells a spreadsheet would run as a formula, by prefixing an apostrophe. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula` on import, so exported files round-trip. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(cell: string, separator: Separator): string {
  const safe = neutraliseFormula(cell);
  return /["\r\n]/.test(safe) || safe.includes(separator) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][], separator: Separator = ','): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(cell, separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text (BOM optional, separator detected from the header line) into records of cells (blank records kept, so numbering matches the file). */
export function parseCsv(text: string): { rows: string[][]; separator: Separator } {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = input.slice(0, input.search(/\r?\n|$/));
  const separator: Separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('A quoted cell is not closed.');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { rows: rows.map((r) => r.map(restoreFormula)), separator };
}
