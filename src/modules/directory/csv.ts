import { CsvError, parse } from 'csv-parse/sync';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { importError } from './import-messages.ts';

/**
 * CSV as French offices exchange it: spreadsheets saved as UTF-8 (with or without BOM) or as
 * Windows-1252, separated by `;` (French Excel) or `,`.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';
export type ParsedCsv = { header: string[]; rows: { line: number; cells: string[] }[]; delimiter: Delimiter; encoding: Encoding };

const invalid = (errors: FieldError[]) => new AppError('invalid_csv', errors[0]?.message, { errors });

/** Decodes a file's bytes: a BOM or valid UTF-8 means UTF-8; anything else is taken for Windows-1252. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator used in the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter] += 1;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * Parses CSV text into a header and rows (with their line numbers in the file). Quoting errors,
 * an empty file and rows with too many or too few cells are refused with the line at fault, in the
 * reader's language.
 */
export function parseCsv(text: string, encoding: Encoding = 'utf-8', maxRows = 5000, locale: Locale = 'en'): ParsedCsv {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, info: true, raw: true, trim: true }) as never;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw invalid([importError(locale, `line.${line}`, err.code.toLowerCase(), 'unreadable', { line, detail: err.message })]);
    }
    throw err;
  }
  // `info.lines` is where a record ends; a quoted cell may span lines, so count back to its start.
  // The raw text carries the blank lines skipped before the record and its own line break: not counted.
  const startLine = (r: (typeof records)[number]) =>
    r.info.lines -
    (r.raw
      .replace(/^[\r\n]+/, '')
      .replace(/[\r\n]+$/, '')
      .match(/\n/g)?.length ?? 0);
  const [head, ...data] = records;
  if (!head || head.record.every((h) => !h)) throw invalid([importError(locale, 'line.1', 'empty', 'empty')]);
  if (data.length > maxRows) throw invalid([importError(locale, 'file', 'too_many_rows', 'too_many_rows', { max: maxRows })]);
  const width = head.record.length;
  const errors: FieldError[] = data
    .filter((r) => r.record.length !== width)
    .map((r) => importError(locale, `line.${startLine(r)}`, 'column_count', 'column_count', { cells: r.record.length, width }));
  if (errors.length) throw invalid(errors.slice(0, 50));
  return { header: head.record, rows: data.map((r) => ({ line: startLine(r), cells: r.record })), delimiter, encoding };
}

export { type CsvProfile, neutralise, writeCsv } from '../../platform/csv/write.ts';
