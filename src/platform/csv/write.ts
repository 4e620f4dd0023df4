/** Writing CSV files for French spreadsheets and for open data, safe to open in a spreadsheet. */
import { stringify } from 'csv-stringify/sync';

/**
 * Neutralises a cell that a spreadsheet would run as a formula (`= + - @`, and the tab and carriage
 * return that also start one): an apostrophe in front makes it text.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export type CsvProfile = 'excel' | 'open_data';

/** Writes CSV for French Excel (BOM, `;`, CRLF) or for open data (`,`, LF); every cell neutralised. */
export function writeCsv(header: string[], rows: string[][], profile: CsvProfile): string {
  const excel = profile === 'excel';
  const text = stringify([header, ...rows.map((r) => r.map(neutralise))], {
    delimiter: excel ? ';' : ',',
    record_delimiter: excel ? 'windows' : 'unix',
    quoted_match: /^\s|\s$/,
  });
  return excel ? `\ufeff${text}` : text;
}
