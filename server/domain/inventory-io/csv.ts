import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV reading and writing on csv-parse / csv-stringify (RFC 4180: fields quoted
 * with `"` when needed, quotes doubled, CRLF, LF or CR line ends), with a `;`
 * or `,` separator and an optional UTF-8 byte-order mark.
 */

export type CsvDelimiter = ';' | ',';

/** One parsed record with the physical line it starts on (1-based, header = line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV text that cannot be read; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The separator of a file, read from its header line: `;` when it holds more `;` than `,` (outside quotes), else `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  const s = stripBom(text);
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
  }
  return semi > comma ? ';' : ',';
}

const count = (fields: string[], re: RegExp) => fields.reduce((n, f) => n + (f.match(re)?.length ?? 0), 0);

/**
 * Parses CSV text into records; the separator is detected from the header line
 * unless given. Blank lines are skipped, a BOM is dropped. Throws CsvSyntaxError
 * (with its line) on an unterminated quote or a stray quote.
 */
export function parseCsv(text: string, opts: { delimiter?: CsvDelimiter } = {}): CsvRecord[] {
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  // csv-parse counts a CRLF inside a quoted field as two lines: `excess` undoes that for the records after it.
  let excess = 0;
  const records: CsvRecord[] = [];
  try {
    parse(stripBom(text), {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        records.push({ line: context.lines - excess - count(record, /[\r\n]/g), fields: record });
        excess += count(record, /\r\n/g);
        return null;
      },
    });
    return records;
  } catch (e) {
    if (e instanceof CsvError) {
      const lines = ((e as unknown as { lines?: number }).lines ?? 1) - excess;
      const what =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'unterminated quoted field'
          : e.code === 'INVALID_OPENING_QUOTE'
            ? 'a quote inside an unquoted field (quote the whole field)'
            : e.code === 'CSV_INVALID_CLOSING_QUOTE'
              ? 'unexpected text after a closing quote'
              : e.message.replace(/ at line \d+.*$/, '');
      throw new CsvSyntaxError(what, lines);
    }
    throw e;
  }
}

/** Writes rows as CSV with CRLF line ends (RFC 4180), `,` unless told, optionally prefixed with a UTF-8 BOM for spreadsheets. */
export function writeCsv(rows: string[][], opts: { bom?: boolean; delimiter?: CsvDelimiter } = {}): string {
  const body = stringify(rows, { delimiter: opts.delimiter ?? ',', record_delimiter: '\r\n', quoted_match: /^\s|\s$/ });
  return (opts.bom ? '\ufeff' : '') + body;
}
