import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { addAffiliation } from './affiliations.service.ts';
import type { ParsedCsv } from './csv.ts';
import type { TImportRequest, TPeopleImportReport } from './import.contract.ts';
import { readFile } from './import.service.ts';
import { createPerson, updatePerson } from './people.service.ts';
import { type PlannedPerson, planPeopleImport } from './people-import-plan.ts';
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
    rows: rows.map(({ line, action, personId, organizationId, name, reasons, changes, errors }) => ({
      line,
      action,
      personId,
      organizationId,
      name,
      reasons,
      changes,
      errors,
    })),
  };
}

async function apply(s: Scoped, rows: PlannedPerson[], now: Date): Promise<PlannedPerson[]> {
  const done: PlannedPerson[] = [];
  for (const r of rows) {
    let personId = r.personId;
    if (r.action === 'create' && r.input) personId = (await createPerson(s, r.input, now)).id;
    else if (r.action === 'update' && r.existing && r.patch && Object.keys(r.patch).length) await updatePerson(s, r.existing, r.patch, now);
    if (personId && r.affiliation && r.action !== 'skip') await addAffiliation(s, personId, r.affiliation);
    done.push({ ...r, personId });
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
    preview(ctx: Ctx, slug: string, input: TImportRequest): Promise<TPeopleImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv } = readFile(input);
        return report(csv, await planPeopleImport(s, csv), false);
      });
    },

    commit(ctx: Ctx, slug: string, input: TImportRequest, opts: { maxRows?: number } = {}): Promise<TPeopleImportReport> {
      return inTerritory(database, ctx, slug, 'directory.import', async (s) => {
        const { csv, digest } = readFile(input, opts.maxRows);
        const planned = await planPeopleImport(s, csv);
        const errors = planned.flatMap((r) => r.errors);
        if (errors.length)
          throw new AppError('import_rejected', `${errors.length} errors; nothing was imported`, { errors: errors.slice(0, 200) });
        const result = report(csv, await apply(s, planned, clock.now()), true);
        if (result.summary.create + result.summary.update > 0) {
          await record(s, 'import', 'person_import', digest, {
            after: { ...result.summary, encoding: csv.encoding, rows: csv.rows.length },
          });
        }
        return result;
      });
    },
  };
}
export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
