import { describe, expect, it } from 'vitest';
import { decodeBytes, detectDelimiter, neutralise, parseCsv, writeCsv } from './csv.ts';

/** "Béthune;Liévin" as Windows-1252 bytes (é = 0xE9). */
const cp1252 = Uint8Array.from([0x42, 0xe9, 0x74, 0x68, 0x75, 0x6e, 0x65, 0x3b, 0x4c, 0x69, 0xe9, 0x76, 0x69, 0x6e]);

describe('decoding', () => {
  it('reads UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode('nom\nBéthune');
    expect(decodeBytes(bytes)).toEqual({ text: 'nom\nBéthune', encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: 'nom\nBéthune', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeBytes(cp1252)).toEqual({ text: 'Béthune;Liévin', encoding: 'windows-1252' });
    // The euro sign and curly apostrophe live at 0x80 and 0x92 in Windows-1252, not in Latin-1.
    expect(decodeBytes(Uint8Array.from([0x80, 0x20, 0x92])).text).toBe('€ ’');
  });
});

describe('parsing', () => {
  it('detects the separator of the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('nom;ville\na,b;c')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('nom')).toBe(',');
  });

  it('returns the header and rows with their line numbers, skipping blank lines and a BOM', () => {
    const csv = parseCsv('\ufeffnom;ville\r\n"Tektos; club";Calais\r\n\r\nULCO;"Boulogne\nsur-Mer"\r\n');
    expect(csv.header).toEqual(['nom', 'ville']);
    expect(csv.delimiter).toBe(';');
    expect(csv.rows).toEqual([
      { line: 2, cells: ['Tektos; club', 'Calais'] },
      { line: 4, cells: ['ULCO', 'Boulogne\nsur-Mer'] },
    ]);
  });

  it('refuses unclosed quotes, ragged rows and empty files with the line at fault', () => {
    expect(() => parseCsv('nom,ville\n"Tektos,Calais\n')).toThrow(expect.objectContaining({ code: 'invalid_csv' }));
    expect(() => parseCsv('nom,ville\nA,B\nC\nD,E,F\n')).toThrow(
      expect.objectContaining({
        errors: [
          { path: 'line.3', code: 'column_count', message: '1 cells where the header has 2' },
          { path: 'line.4', code: 'column_count', message: '3 cells where the header has 2' },
        ],
      }),
    );
    expect(() => parseCsv('')).toThrow(expect.objectContaining({ code: 'invalid_csv' }));
  });
});

describe('writing', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(cell)).toBe(`'${cell}`);
    expect(neutralise('Tektos = club')).toBe('Tektos = club');
  });

  it('writes the French Excel profile with BOM, semicolons and CRLF, and open data with commas', () => {
    expect(writeCsv(['nom', 'montant'], [['=HYPERLINK("x")', '150000,00']], 'excel')).toBe(
      '\ufeffnom;montant\r\n"\'=HYPERLINK(""x"")";150000,00\r\n',
    );
    expect(writeCsv(['name', 'city'], [['Tektos, club', 'Calais']], 'open_data')).toBe('name,city\n"Tektos, club",Calais\n');
  });
});
