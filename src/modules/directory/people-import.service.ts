import type { Ctx, Deps } from '../../platform/context.ts';
import type { ParsedCsv } from './csv.ts';
import type { TImportRequest, TPeopleImportReport } from './import.contract.ts';
import { type ImportOptions, phase, readFile, rejectErrors } from './import.service.ts';
import type { Progress } from './import-plan.ts';
import { vacuumAfterImport, writeChunk } from './import-writes.ts';
import { type PlannedPerson, planPeopleImport } from './people-import-plan.ts';
import { writePeople } from './people-import-writes.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

function report(csv: ParsedCsv, rows: PlannedPerson[], committed: boolean): TPeopleImportReport {
  const summary = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) summary[r.action] += 1;
  return {
    valid: summary.error === 0,
    committed,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    summary,
    rows: rows.map(({ line, action, personId, organizationId, name, reasons, reasonCodes, changes, errors }) => ({
      line,
      action,
      personId,
      organizationId,
      name,
      reasons,
      reasonCodes,
      changes,
      errors,
    })),
  };
}

async function apply(s: Scoped, rows: PlannedPerson[], now: Date, onProgress?: Progress): Promise<PlannedPerson[]> {
  const done: PlannedPerson[] = [];
  for (let i = 0; i < rows.length; i += writeChunk) {
    const chunk = rows.slice(i, i + writeChunk);
    const created = await writePeople(s, chunk, now);
    for (const r of chunk) done.push({ ...r, personId: created.get(r.line) ?? r.personId });
    onProgress?.(done.length, rows.length);
  }
  return done;
}

/**
 * CSV import of people, as for organisations: a preview row by row, then a commit in one
 * transaction or nothing. People are matched on e-mail or external id; an organisation named by
 * its SIRET or external id gets an affiliation once, so importing the same file again changes nothing.
 */
export function createPeopleImportService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    preview(ctx: Ctx, slug: string, input: TImportRequest, opts: ImportOptions = {}): Promise<TPeopleImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv } = readFile(input, opts.maxRows, ctx.locale);
        return report(csv, await planPeopleImport(s, csv, phase(opts, 'plan')), false);
      });
    },

    async commit(ctx: Ctx, slug: string, input: TImportRequest, opts: ImportOptions = {}): Promise<TPeopleImportReport> {
      const result = await inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv, digest } = readFile(input, opts.maxRows, ctx.locale);
        const planned = await planPeopleImport(s, csv, phase(opts, 'plan'));
        rejectErrors(planned, ctx.locale);
        const done = report(csv, await apply(s, planned, clock.now(), phase(opts, 'write')), true);
        if (done.summary.create + done.summary.update > 0) {
          await record(s, 'import', 'person_import', digest, {
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
export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
