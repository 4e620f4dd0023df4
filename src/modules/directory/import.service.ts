import { createHash } from 'node:crypto';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { decodeBytes, type Encoding, type ParsedCsv, parseCsv } from './csv.ts';
import { compactFacetCounts } from './facet-counts.ts';
import type { TImportReport, TImportRequest } from './import.contract.ts';
import { importError, importText } from './import-messages.ts';
import { type PlannedRow, type Progress, planImport } from './import-plan.ts';
import { statisticsKeeper, vacuumAfterImport, writeChunk, writeContext, writeOrganizations } from './import-writes.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/**
 * Options of callers other than HTTP (the CLI, benchmarks): `maxRows` lifts the per-file limit;
 * `onProgress` hears how many rows are checked (`phase` "plan"), then written ("write").
 */
export type ImportOptions = { maxRows?: number; onProgress?: (done: number, total: number, phase: 'plan' | 'write') => void };

/** Reads the request's file: text as sent, or base64 bytes decoded (UTF-8 with or without BOM, else Windows-1252). */
export function readFile(input: TImportRequest, maxRows?: number, locale: Locale = 'en'): { csv: ParsedCsv; digest: string } {
  let text = input.content;
  let encoding: Encoding = text.startsWith('\ufeff') ? 'utf-8-bom' : 'utf-8';
  let bytes: Uint8Array = Buffer.from(text, 'utf8');
  if (input.encoding === 'base64') {
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) {
      throw new AppError('invalid_csv', importText(locale, 'base64'), {
        errors: [importError(locale, 'body.content', 'base64', 'base64')],
      });
    }
    bytes = Buffer.from(text, 'base64');
    ({ text, encoding } = decodeBytes(bytes));
  }
  return { csv: parseCsv(text, encoding, maxRows, locale), digest: createHash('sha256').update(bytes).digest('hex') };
}

/** Refuses a file with any bad row as a whole (422), listing the first errors. */
export function rejectErrors(rows: { errors: TImportReport['rows'][number]['errors'] }[], locale: Locale): void {
  const errors = rows.flatMap((r) => r.errors);
  if (errors.length)
    throw new AppError('import_rejected', importText(locale, 'rejected', { count: errors.length }), { errors: errors.slice(0, 200) });
}

/** The progress callback of one phase, or none. */
export const phase = (opts: ImportOptions, name: 'plan' | 'write'): Progress | undefined =>
  opts.onProgress ? (done, total) => opts.onProgress?.(done, total, name) : undefined;

function report(csv: ParsedCsv, rows: PlannedRow[], committed: boolean): TImportReport {
  const summary = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) summary[r.action] += 1;
  return {
    valid: summary.error === 0,
    committed,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    summary,
    rows: rows.map(({ line, action, organizationId, name, reasons, reasonCodes, changes, errors }) => ({
      line,
      action,
      organizationId,
      name,
      reasons,
      reasonCodes,
      changes,
      errors,
    })),
  };
}

/** Writes the planned rows chunk by chunk, so a file of any size costs a few statements per chunk. */
async function apply(s: Scoped, rows: PlannedRow[], onProgress?: Progress): Promise<PlannedRow[]> {
  const context = await writeContext(s, rows);
  const done: PlannedRow[] = [];
  const grown = rows.length > writeChunk ? await statisticsKeeper(s) : undefined;
  for (let i = 0; i < rows.length; i += writeChunk) {
    const chunk = rows.slice(i, i + writeChunk);
    const created = await writeOrganizations(s, chunk, context);
    await grown?.(created.size);
    for (const r of chunk) done.push({ ...r, organizationId: created.get(r.line) ?? r.organizationId });
    onProgress?.(done.length, rows.length);
  }
  // Each chunk appended its facet counts' changes: folded once, so that searches read a row per value again.
  if (rows.length > writeChunk) await compactFacetCounts(s.tx);
  return done;
}

/**
 * CSV import of organisations: a preview says what each row would do and why; the commit does it
 * in one transaction, or nothing when any row is wrong. Rows are matched on SIRET or external id
 * (or a unique name), so importing the same file again changes nothing. Reasons and errors speak
 * the caller's language, each with a stable code.
 */
export function createImportService({ database }: Pick<Deps, 'database'>) {
  return {
    preview(ctx: Ctx, slug: string, input: TImportRequest, opts: ImportOptions = {}): Promise<TImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv } = readFile(input, opts.maxRows, ctx.locale);
        return report(csv, await planImport(s, csv, phase(opts, 'plan')), false);
      });
    },

    async commit(ctx: Ctx, slug: string, input: TImportRequest, opts: ImportOptions = {}): Promise<TImportReport> {
      const result = await inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv, digest } = readFile(input, opts.maxRows, ctx.locale);
        const planned = await planImport(s, csv, phase(opts, 'plan'));
        rejectErrors(planned, ctx.locale);
        const done = report(csv, await apply(s, planned, phase(opts, 'write')), true);
        if (done.summary.create + done.summary.update > 0) {
          await record(s, 'import', 'organization_import', digest, {
            after: { ...done.summary, encoding: csv.encoding, rows: csv.rows.length },
          });
        }
        return done;
      });
      vacuumAfterImport(database, result.summary);
      return result;
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
