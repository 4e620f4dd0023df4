import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ParsedCsv } from './csv.ts';
import { affiliations, organizations, people } from './directory.tables.ts';
import { compactIdentifier } from './identifiers.ts';
import type { TPeopleImportRow } from './import.contract.ts';
import { sameValue } from './import-columns.ts';
import { type ImportTextKey, importError, importText, issueErrors, parseRow } from './import-messages.ts';
import type { Progress } from './import-plan.ts';
import { type TCreatePersonRequest, type TUpdatePersonRequest, ZCreatePersonRequest } from './people.contract.ts';
import type { PersonRow } from './people.service.ts';
import { cellsOf, mapPeopleColumns, type PeopleCells, type PeopleField, rawPerson } from './people-import-columns.ts';
import type { Scoped } from './scope.ts';

export type PlannedPerson = TPeopleImportRow & {
  input?: TCreatePersonRequest;
  patch?: TUpdatePersonRequest;
  existing?: PersonRow;
  affiliation?: { organizationId: string; title: string | null };
};
type Context = {
  columns: Map<number, PeopleField>;
  headers: string[];
  locale: Locale;
  byEmail: Map<string, PersonRow>;
  byExternal: Map<string, PersonRow>;
  orgBySiret: Map<string, string>;
  orgByExternal: Map<string, string>;
  affiliated: Set<string>;
  /** Keys (e-mail, external id) and people already claimed by a line of the file. */
  seen: Map<string, number>;
  claimed: Map<string, number>;
};

const chunkSize = 1000;

function headerOf(ctx: Context, field: string): string {
  for (const [i, f] of ctx.columns) if (f === field) return ctx.headers[i] ?? field;
  return field;
}

/** Reads, in a few queries, the people and organisations a chunk's rows name, and their affiliations. */
async function loadMatches(s: Scoped, ctx: Context, rows: PeopleCells[]): Promise<void> {
  const missing = (values: (string | undefined)[], known: Map<string, unknown>) => [
    ...new Set(values.filter((v): v is string => !!v && !known.has(v))),
  ];
  const emails = missing(
    rows.map((c) => c.email?.toLowerCase()),
    ctx.byEmail,
  );
  const externals = missing(
    rows.map((c) => c.externalId),
    ctx.byExternal,
  );
  const who: SQL[] = [];
  if (emails.length) who.push(inArray(sql`lower(${people.email})`, emails));
  if (externals.length) who.push(inArray(people.externalId, externals));
  const found = who.length
    ? await s.tx
        .select()
        .from(people)
        .where(and(eq(people.territoryId, s.territory.id), isNull(people.erasedAt), or(...who)))
    : [];
  for (const p of found) {
    if (p.email) ctx.byEmail.set(p.email.toLowerCase(), p);
    if (p.externalId) ctx.byExternal.set(p.externalId, p);
  }
  if (found.length) {
    const ids = found.map((p) => p.id);
    const links = await s.tx
      .select({ p: affiliations.personId, o: affiliations.organizationId })
      .from(affiliations)
      .where(inArray(affiliations.personId, ids));
    for (const l of links) ctx.affiliated.add(`${l.p}:${l.o}`);
  }
  const sirets = missing(
    rows.map((c) => c.organizationSiret && compactIdentifier(c.organizationSiret)),
    ctx.orgBySiret,
  );
  const orgExternals = missing(
    rows.map((c) => c.organizationExternalId),
    ctx.orgByExternal,
  );
  const which: SQL[] = [];
  if (sirets.length) which.push(inArray(organizations.siret, sirets));
  if (orgExternals.length) which.push(inArray(organizations.externalId, orgExternals));
  if (!which.length) return;
  const orgs = await s.tx
    .select({ id: organizations.id, siret: organizations.siret, externalId: organizations.externalId })
    .from(organizations)
    .where(and(eq(organizations.territoryId, s.territory.id), or(...which)));
  for (const o of orgs) {
    if (o.siret) ctx.orgBySiret.set(o.siret, o.id);
    if (o.externalId) ctx.orgByExternal.set(o.externalId, o.id);
  }
}

/** The organisation a row names, by SIRET or external id; an unknown one is an error. */
function organizationOf(ctx: Context, c: PeopleCells, line: number, errors: FieldError[]): string | null {
  if (c.organizationSiret) {
    const id = ctx.orgBySiret.get(compactIdentifier(c.organizationSiret));
    if (id) return id;
    const path = `line.${line}.${headerOf(ctx, 'organizationSiret')}`;
    errors.push(importError(ctx.locale, path, 'not_found', 'no_organization_siret', { siret: c.organizationSiret }));
  } else if (c.organizationExternalId) {
    const id = ctx.orgByExternal.get(c.organizationExternalId);
    if (id) return id;
    const path = `line.${line}.${headerOf(ctx, 'organizationExternalId')}`;
    errors.push(importError(ctx.locale, path, 'not_found', 'no_organization_external_id', { id: c.organizationExternalId }));
  }
  return null;
}

function diff(existing: PersonRow, input: TCreatePersonRequest): TUpdatePersonRequest {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input))
    if (value !== undefined && !sameValue(value, (existing as Record<string, unknown>)[key])) patch[key] = value;
  return patch as TUpdatePersonRequest;
}

const reasonOf = (ctx: Context, code: ImportTextKey, params: Record<string, string> = {}) => ({
  reasons: [importText(ctx.locale, code, params)],
  reasonCodes: [code] as string[],
});

/** One row's plan: the person matched (e-mail, else external id), what changes, and the affiliation to add. */
function planRow(ctx: Context, c: PeopleCells, line: number): PlannedPerson {
  const errors: FieldError[] = [];
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  const base = { line, name, personId: null, organizationId: null, reasons: [], reasonCodes: [], changes: [], errors };
  const fail = (code: string, key: ImportTextKey, params: Record<string, number> = {}): PlannedPerson => ({
    ...base,
    action: 'error',
    errors: [importError(ctx.locale, `line.${line}`, code, key, params)],
  });
  const byEmail = c.email ? ctx.byEmail.get(c.email.toLowerCase()) : undefined;
  const byExternal = c.externalId ? ctx.byExternal.get(c.externalId) : undefined;
  if (byEmail && byExternal && byEmail.id !== byExternal.id) return fail('conflict', 'conflicting_person');
  const existing = byEmail ?? byExternal;
  const organizationId = organizationOf(ctx, c, line, errors);
  const parsed = parseRow(ZCreatePersonRequest, rawPerson(c, existing), ctx.locale);
  if (!parsed.success) errors.push(...issueErrors(parsed.error, line, ctx.locale, (key) => headerOf(ctx, key)));
  if (!parsed.success || errors.length) return { ...base, action: 'error' };
  const input = parsed.data;
  const keys = [input.email && `email:${input.email}`, input.externalId && `external:${input.externalId}`].filter((k): k is string => !!k);
  const twin = keys.map((k) => ctx.seen.get(k)).find((l) => l !== undefined) ?? (existing && ctx.claimed.get(existing.id));
  if (twin !== undefined) return fail('duplicate_row', 'duplicate_person', { line: twin });
  for (const k of keys) ctx.seen.set(k, line);
  if (existing) ctx.claimed.set(existing.id, line);
  const affiliation =
    organizationId && !(existing && ctx.affiliated.has(`${existing.id}:${organizationId}`))
      ? { organizationId, title: c.title ?? null }
      : undefined;
  const withOrg = { ...base, organizationId, ...(affiliation ? { affiliation } : {}) };
  if (!existing) {
    const reason = reasonOf(ctx, keys.length ? 'new_email_or_identifier' : 'no_identifier');
    return { ...withOrg, ...reason, action: 'create', input, changes: affiliation ? ['affiliation'] : [] };
  }
  const reason = byEmail
    ? reasonOf(ctx, 'matched_email', { email: input.email ?? '' })
    : reasonOf(ctx, 'matched_external_id', { id: input.externalId ?? '' });
  const patch = diff(existing, input);
  const changes = [...Object.keys(patch), ...(affiliation ? ['affiliation'] : [])];
  const found = { ...withOrg, ...reason, personId: existing.id, existing };
  if (!changes.length) {
    const unchanged = {
      reasons: [...reason.reasons, importText(ctx.locale, 'unchanged')],
      reasonCodes: [...reason.reasonCodes, 'unchanged'],
    };
    return { ...found, ...unchanged, action: 'skip' };
  }
  return { ...found, action: 'update', changes, patch };
}

/** Decides, row by row, what a people import would do; reads only, a chunk of rows per few queries. */
export async function planPeopleImport(s: Scoped, csv: ParsedCsv, onProgress?: Progress): Promise<PlannedPerson[]> {
  const locale = s.ctx.locale;
  const ctx: Context = {
    columns: mapPeopleColumns(csv.header, locale),
    headers: csv.header,
    locale,
    byEmail: new Map(),
    byExternal: new Map(),
    orgBySiret: new Map(),
    orgByExternal: new Map(),
    affiliated: new Set(),
    seen: new Map(),
    claimed: new Map(),
  };
  const out: PlannedPerson[] = [];
  for (let i = 0; i < csv.rows.length; i += chunkSize) {
    const chunk = csv.rows.slice(i, i + chunkSize).map((r) => ({ line: r.line, cells: cellsOf(ctx.columns, r.cells) }));
    await loadMatches(
      s,
      ctx,
      chunk.map((r) => r.cells),
    );
    for (const r of chunk) out.push(planRow(ctx, r.cells, r.line));
    onProgress?.(out.length, csv.rows.length);
  }
  return out;
}
