/**
 * A small RFC 4180 CSV reader and writer: comma-separated, fields quoted with
 * `"` when they hold a comma, quote or line break, quotes doubled inside quotes,
 * CRLF or LF line ends, an optional UTF-8 byte-order mark. No dependency.
 */

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

/**
 * Parses CSV text into records. Blank lines are skipped. Throws CsvSyntaxError
 * on an unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const n = s[i];
        if (n !== undefined && n !== ',' && n !== '\n' && n !== '\r') throw new CsvSyntaxError('unexpected text after a closing quote', line);
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') throw new CsvSyntaxError('a quote inside an unquoted field (quote the whole field)', line);
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvSyntaxError('unterminated quoted field', recordLine);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Quotes a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as CSV with CRLF line ends (RFC 4180), optionally prefixed with a UTF-8 BOM for spreadsheets. */
export function writeCsv(rows: string[][], opts: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ? '\ufeff' : '') + body;
}
