import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv, writeCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads plain fields, CRLF and LF, and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', ''] },
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks, and reports the starting line', () => {
    const recs = parseCsv('\ufeffname,note\n"A, B","say ""hi""\nsecond line"\nC,"x"\n');
    expect(recs).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['A, B', 'say "hi"\nsecond line'] },
      { line: 4, fields: ['C', 'x'] },
    ]);
  });

  it('reports the right starting line after CRLFs inside quoted fields', () => {
    const recs = parseCsv('a,b,c\r\n"p\r\nq\r\nr",2,"s\r\nt"\r\n3,4,5\r\n6,"u\nv",7\r\n8,9,10');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 6, 7, 9]);
    expect(recs[1].fields[0]).toBe('p\r\nq\r\nr');
  });

  it('detects a `;` separator from the header line, a BOM dropped', () => {
    expect(detectDelimiter('\ufeffa;b;"c,d"\n1,2')).toBe(';');
    expect(detectDelimiter('a,b;c,d\n1;2;3')).toBe(',');
    expect(parseCsv('\ufeffnom;note\r\n"A; B";"1,5"\r\n')).toEqual([
      { line: 1, fields: ['nom', 'note'] },
      { line: 2, fields: ['A; B', '1,5'] },
    ]);
  });

  it('handles a last line without a line end and empty quoted fields', () => {
    expect(parseCsv('a,"",c')).toEqual([{ line: 1, fields: ['a', '', 'c'] }]);
  });

  it('refuses unterminated quotes and stray quotes with a line number', () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,1\n')).toThrow(/line 2/);
    expect(() => parseCsv('a\nx"y\n')).toThrow(/line 2: a quote/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/line 2: unexpected text/);
  });
});

describe('writeCsv', () => {
  it('quotes only when needed and round-trips', () => {
    const rows = [['slug', 'text'], ['a', 'plain'], ['b', 'comma, "quote"\nnewline'], ['c', ' padded '], ['d', 'Élodie €']];
    const text = writeCsv(rows, { bom: true });
    expect(text.startsWith('\ufeffslug,text\r\na,plain\r\nb,"comma, ""quote""\nnewline"\r\n')).toBe(true);
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });

  it('writes `;`-separated files, quoting cells that hold a `;`', () => {
    const rows = [['nom', 'équipements'], ['A', 'wifi;parking'], ['B', '1,5']];
    const text = writeCsv(rows, { bom: true, delimiter: ';' });
    expect(text).toBe('\ufeffnom;équipements\r\nA;"wifi;parking"\r\nB;1,5\r\n');
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});
