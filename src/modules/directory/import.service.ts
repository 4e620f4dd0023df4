import { createHash } from 'node:crypto';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeBytes, type Encoding, type ParsedCsv, parseCsv } from './csv.ts';
import type { TImportReport, TImportRequest } from './import.contract.ts';
import { type PlannedRow, planImport } from './import-plan.ts';
import { createOrganization, updateOrganization } from './organization-writes.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/** Reads the request's file: text as sent, or base64 bytes decoded (UTF-8 with or without BOM, else Windows-1252). */
export function readFile(input: TImportRequest, maxRows?: number): { csv: ParsedCsv; digest: string } {
  let text = input.content;
  let encoding: Encoding = text.startsWith('\ufeff') ? 'utf-8-bom' : 'utf-8';
  let bytes: Uint8Array = Buffer.from(text, 'utf8');
  if (input.encoding === 'base64') {
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) {
      throw new AppError('invalid_csv', 'content is not base64', {
        errors: [{ path: 'body.content', code: 'base64', message: 'not base64' }],
      });
    }
    bytes = Buffer.from(text, 'base64');
    ({ text, encoding } = decodeBytes(bytes));
  }
  return { csv: parseCsv(text, encoding, maxRows), digest: createHash('sha256').update(bytes).digest('hex') };
}

function report(csv: ParsedCsv, rows: PlannedRow[], committed: boolean): TImportReport {
  const summary = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) summary[r.action] += 1;
  return {
    valid: summary.error === 0,
    committed,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    summary,
    rows: rows.map(({ line, action, organizationId, name, reasons, changes, errors }) => ({
      line,
      action,
      organizationId,
      name,
      reasons,
      changes,
      errors,
    })),
  };
}

async function apply(s: Scoped, rows: PlannedRow[]): Promise<PlannedRow[]> {
  const done: PlannedRow[] = [];
  for (const r of rows) {
    if (r.action === 'create' && r.input) done.push({ ...r, organizationId: (await createOrganization(s, r.input, `line.${r.line}.`)).id });
    else if (r.action === 'update' && r.existing && r.patch) {
      await updateOrganization(s, r.existing, r.patch, `line.${r.line}.`);
      done.push(r);
    } else done.push(r);
  }
  return done;
}

/**
 * CSV import of organisations: a preview says what each row would do and why; the commit does it
 * in one transaction, or nothing when any row is wrong. Rows are matched on SIRET or external id
 * (or a unique name), so importing the same file again changes nothing.
 */
export function createImportService({ database }: Pick<Deps, 'database'>) {
  return {
    preview(ctx: Ctx, slug: string, input: TImportRequest): Promise<TImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv } = readFile(input);
        return report(csv, await planImport(s, csv), false);
      });
    },

    /** `maxRows` lifts the per-file limit for callers other than HTTP (the CLI, benchmarks). */
    commit(ctx: Ctx, slug: string, input: TImportRequest, opts: { maxRows?: number } = {}): Promise<TImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv, digest } = readFile(input, opts.maxRows);
        const planned = await planImport(s, csv);
        const errors = planned.flatMap((r) => r.errors);
        if (errors.length)
          throw new AppError('import_rejected', `${errors.length} errors; nothing was imported`, { errors: errors.slice(0, 200) });
        const result = report(csv, await apply(s, planned), true);
        if (result.summary.create + result.summary.update > 0) {
          await record(s, 'import', 'organization_import', digest, {
            after: { ...result.summary, encoding: csv.encoding, rows: csv.rows.length },
          });
        }
        return result;
      });
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
