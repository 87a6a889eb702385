export interface CsvError {
  row: number;
  column: string;
  reason: string;
}

export type ImportResult = { ok: true; imported: number; errors: [] } | { ok: false; imported: 0; errors: CsvError[] };

/** Collects import errors by row and column; at most 200 are reported. */
export class CsvErrors {
  private readonly list: CsvError[] = [];

  add(row: number, column: string, reason: string): void {
    if (this.list.length < 200) this.list.push({ row, column, reason });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  parse<T>(parse: () => T): T | null {
    try {
      return parse();
    } catch (error) {
      this.add(0, '', error instanceof Error ? error.message : 'The file is not valid CSV.');
      return null;
    }
  }

  result(): ImportResult {
    return { ok: false, imported: 0, errors: this.list };
  }
}
