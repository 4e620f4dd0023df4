import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { createDirectoryServices } from '../modules/directory/index.ts';
import { createAccountsService, loadActor } from '../modules/identity/index.ts';
import type { Ctx, Deps } from '../platform/context.ts';
import { AppError, type FieldError } from '../platform/errors/app-error.ts';
import type { Locale } from '../platform/i18n/locale.ts';
import { type Actor, systemActor } from '../platform/policy/actor.ts';

/** Exit codes: 0 done, 2 the file is refused (its rows or columns at fault are listed), 1 anything else. */
export const exitBadFile = 2;
/** Below this many rows a file is checked and written in one go: no progress to show. */
const progressFrom = 1000;
const maxRows = 1_000_000;
const kinds = ['organizations', 'people'] as const;
type Kind = (typeof kinds)[number];
type Options = { territory: string; commit?: boolean; as?: string; locale?: string };
type Report = {
  committed: boolean;
  encoding: string;
  delimiter: string;
  summary: { create: number; update: number; skip: number; error: number };
  rows: { errors: FieldError[] }[];
};

/** The language of the row messages: `--locale`, else the environment's (French for fr_*), else English. */
function localeOf(option: string | undefined): Locale {
  const wanted = option ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  return wanted.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** `line.4.type` → "line 4, column type"; `header.couleur` → "header, column couleur". */
export function describePath(path: string): string {
  const [head, second, ...rest] = path.split('.');
  if (head === 'line' && second) return rest.length ? `line ${second}, column ${rest.join('.')}` : `line ${second}`;
  if (head === 'header') return second ? `header, column ${[second, ...rest].join('.')}` : 'header';
  return 'file';
}

/** A bar on a terminal; elsewhere (logs, pipes) a line at each tenth, so the output stays readable. */
function progressReporter() {
  const label = { plan: 'Checking', write: 'Writing' } as const;
  let bar: cliProgress.SingleBar | null = null;
  let current: keyof typeof label | null = null;
  let lastTenth = -1;
  const report = (done: number, total: number, phase: keyof typeof label) => {
    if (total < progressFrom) return;
    if (phase !== current) {
      bar?.stop();
      current = phase;
      lastTenth = -1;
      if (process.stderr.isTTY) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label[phase].padEnd(8)} [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted}` },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
    }
    if (bar) bar.update(done);
    else if (Math.floor((10 * done) / total) > lastTenth) {
      lastTenth = Math.floor((10 * done) / total);
      process.stderr.write(`${label[phase]}: ${done}/${total} rows\n`);
    }
  };
  return { report, stop: () => bar?.stop() };
}

async function actorOf(deps: Deps, email: string | undefined): Promise<Actor> {
  if (!email) return systemActor;
  const user = await createAccountsService(deps).findByEmail(email);
  // The account acts as with an API token of its own: its roles apply and the audit log names it.
  const actor = await deps.database.transaction({ system: true }, (tx) => loadActor(tx, user.id, 'token'));
  if (!actor) throw new Error(`the account ${email} is disabled`);
  return actor;
}

function printErrors(errors: FieldError[], total: number) {
  for (const e of errors.slice(0, 20)) console.error(`  ${describePath(e.path)}: ${e.message}`);
  if (total > 20) console.error(`  … and ${total - 20} more`);
}

function printReport(file: string, slug: string, r: Report): number {
  const s = r.summary;
  const read = `${file} (${r.encoding}, "${r.delimiter === '\t' ? 'tab' : r.delimiter}")`;
  if (r.committed) {
    console.log(`Imported ${read} into territory ${slug}: ${s.create} created, ${s.update} updated, ${s.skip} unchanged.`);
    return 0;
  }
  const counts = `${s.create} to create, ${s.update} to update, ${s.skip} unchanged, ${s.error} with errors`;
  console.log(`Preview of ${read} for territory ${slug}: ${counts}.`);
  const errors = r.rows.flatMap((row) => row.errors);
  if (!errors.length) {
    console.log('Nothing was written; run again with --commit to import.');
    return 0;
  }
  console.error(`The file is refused: ${errors.length} errors.`);
  printErrors(errors, errors.length);
  return exitBadFile;
}

async function run(deps: Deps, kind: Kind, path: string, o: Options): Promise<number> {
  const ctx: Ctx = { actor: await actorOf(deps, o.as), locale: localeOf(o.locale), requestId: 'cli-import' };
  const services = createDirectoryServices(deps);
  const service = kind === 'organizations' ? services.imports : services.peopleImports;
  const input = { content: readFileSync(path).toString('base64'), encoding: 'base64' as const };
  const progress = progressReporter();
  try {
    const opts = { maxRows, onProgress: progress.report };
    const report = o.commit ? await service.commit(ctx, o.territory, input, opts) : await service.preview(ctx, o.territory, input, opts);
    progress.stop();
    return printReport(basename(path), o.territory, report);
  } catch (err) {
    progress.stop();
    if (!(err instanceof AppError)) throw err;
    // A refusal that is not about the file (unknown territory, a role missing) is named by its code.
    if (err.code !== 'invalid_csv' && err.code !== 'import_rejected') throw new Error(`${err.code}: ${err.message}`);
    console.error(`The file is refused, nothing was written: ${err.message}`);
    printErrors(err.errors ?? [], err.errors?.length ?? 0);
    return exitBadFile;
  }
}

/**
 * `totem import organizations|people <file.csv> --territory <slug> [--commit] [--as <email>]`: the
 * directory's CSV import through the same services (and policies) as the web app.
 */
export function registerImport(program: Command, withDeps: <T>(fn: (deps: Deps) => Promise<T>) => Promise<T>): void {
  program
    .command('import')
    .description('import organisations or people from CSV: a preview, or the import itself with --commit')
    .argument('<kind>', `what the file holds: ${kinds.join(' or ')}`)
    .argument('<file>', 'CSV file: UTF-8 (with or without BOM) or Windows-1252, separated by ";" or ","')
    .requiredOption('--territory <slug>', 'territory to import into')
    .option('--commit', 'write the rows (in one transaction); without it, only preview')
    .option('--as <email>', 'act as this account (its roles apply, the audit log names it) instead of the system')
    .option('--locale <locale>', 'language of the row messages: fr or en (default: from LANG)')
    .action(async (kind: string, file: string, o: Options) => {
      if (!kinds.includes(kind as Kind)) throw new Error(`unknown kind "${kind}"; use ${kinds.join(' or ')}`);
      const code = await withDeps((deps) => run(deps, kind as Kind, file, o));
      process.exitCode = code;
    });
}
