import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { ParsedCsv } from './csv.ts';
import { affiliations, legalBases, organizations, people } from './directory.tables.ts';
import { compactIdentifier } from './identifiers.ts';
import type { TPeopleImportRow } from './import.contract.ts';
import { booleanOf, columnKey, listOf } from './import-columns.ts';
import { type TCreatePersonRequest, type TUpdatePersonRequest, ZCreatePersonRequest } from './people.contract.ts';
import type { PersonRow } from './people.service.ts';
import type { Scoped } from './scope.ts';

/** The columns a people import reads, each with the names it answers to (French first, then English). */
const peopleFields = {
  firstName: ['prenom', 'first_name', 'firstname'],
  lastName: ['nom', 'last_name', 'lastname'],
  email: ['email', 'e_mail', 'courriel', 'adresse_e_mail', 'mail'],
  phone: ['telephone', 'tel', 'phone'],
  skills: ['competences', 'skills'],
  languages: ['langues', 'languages'],
  legalBasis: ['base_legale', 'legal_basis'],
  purpose: ['finalite', 'purpose'],
  consentContact: ['consentement_contact', 'consent_contact'],
  externalId: ['identifiant_externe', 'id_externe', 'external_id'],
  organizationSiret: ['siret_structure', 'siret_organisation', 'organization_siret', 'siret'],
  organizationExternalId: ['id_externe_structure', 'identifiant_externe_structure', 'organization_external_id'],
  title: ['fonction', 'poste', 'title'],
} as const;
type PeopleField = keyof typeof peopleFields;
const fieldByColumn = new Map<string, PeopleField>(
  Object.entries(peopleFields).flatMap(([f, names]) => names.map((n) => [n, f as PeopleField] as const)),
);

const basisByName = new Map<string, string>([
  ...legalBases.map((b) => [b, b] as const),
  ['consentement', 'consent'],
  ['contrat', 'contract'],
  ['obligation_legale', 'legal_obligation'],
  ['interets_vitaux', 'vital_interests'],
  ['mission_d_interet_public', 'public_task'],
  ['mission_publique', 'public_task'],
  ['interet_legitime', 'legitimate_interest'],
]);

export type PlannedPerson = TPeopleImportRow & {
  input?: TCreatePersonRequest;
  patch?: TUpdatePersonRequest;
  existing?: PersonRow;
  affiliation?: { organizationId: string; title: string | null };
};
type Context = {
  columns: Map<number, PeopleField>;
  headers: string[];
  byEmail: Map<string, PersonRow>;
  byExternal: Map<string, PersonRow>;
  orgBySiret: Map<string, string>;
  orgByExternal: Map<string, string>;
  affiliated: Set<string>;
};

function mapColumns(header: string[]): Map<number, PeopleField> {
  const columns = new Map<number, PeopleField>();
  const errors: FieldError[] = [];
  header.forEach((h, i) => {
    const field = fieldByColumn.get(columnKey(h));
    if (!field) errors.push({ path: `header.${h}`, code: 'unknown_column', message: `unknown column "${h}"` });
    else if ([...columns.values()].includes(field))
      errors.push({ path: `header.${h}`, code: 'duplicate_column', message: `"${h}" repeats a column` });
    else columns.set(i, field);
  });
  for (const required of ['firstName', 'lastName'] as const)
    if (![...columns.values()].includes(required))
      errors.push({ path: 'header', code: 'missing_column', message: `a "${peopleFields[required][0]}" column is required` });
  if (errors.length) throw new AppError('invalid_csv', errors[0]?.message, { errors });
  return columns;
}

async function loadContext(s: Scoped, csv: ParsedCsv): Promise<Context> {
  const ctx: Context = {
    columns: mapColumns(csv.header),
    headers: csv.header,
    byEmail: new Map(),
    byExternal: new Map(),
    orgBySiret: new Map(),
    orgByExternal: new Map(),
    affiliated: new Set(),
  };
  const rows = await s.tx
    .select()
    .from(people)
    .where(and(eq(people.territoryId, s.territory.id), isNull(people.erasedAt)));
  for (const p of rows) {
    if (p.email) ctx.byEmail.set(p.email.toLowerCase(), p);
    if (p.externalId) ctx.byExternal.set(p.externalId, p);
  }
  const orgs = await s.tx
    .select({ id: organizations.id, siret: organizations.siret, externalId: organizations.externalId })
    .from(organizations)
    .where(eq(organizations.territoryId, s.territory.id));
  for (const o of orgs) {
    if (o.siret) ctx.orgBySiret.set(o.siret, o.id);
    if (o.externalId) ctx.orgByExternal.set(o.externalId, o.id);
  }
  const links = await s.tx.select({ p: affiliations.personId, o: affiliations.organizationId }).from(affiliations);
  for (const l of links) ctx.affiliated.add(`${l.p}:${l.o}`);
  return ctx;
}

/** A row's cells by field, empty cells left out; the formula guard of Totem's exports read back. */
function cellsOf(ctx: Context, cells: string[]): Partial<Record<PeopleField, string>> {
  const out: Partial<Record<PeopleField, string>> = {};
  for (const [i, field] of ctx.columns) {
    const v = (cells[i]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '');
    if (v) out[field] = v;
  }
  return out;
}

function rawPerson(c: Partial<Record<PeopleField, string>>, existing: PersonRow | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = { firstName: c.firstName, lastName: c.lastName };
  if (c.email) raw.email = c.email;
  if (c.phone) raw.phone = c.phone;
  if (c.skills) raw.skills = listOf(c.skills);
  if (c.languages) raw.languages = listOf(c.languages).map((l) => l.toLowerCase());
  if (c.purpose) raw.purpose = c.purpose;
  if (c.externalId) raw.externalId = c.externalId;
  if (c.consentContact) raw.consentContact = booleanOf(c.consentContact);
  raw.legalBasis = c.legalBasis ? (basisByName.get(columnKey(c.legalBasis)) ?? c.legalBasis) : existing?.legalBasis;
  return raw;
}

function headerOf(ctx: Context, field: string): string {
  for (const [i, f] of ctx.columns) if (f === field) return ctx.headers[i] ?? field;
  return field;
}

/** The organisation a row names, by SIRET or external id; an unknown one is an error. */
function organizationOf(ctx: Context, c: Partial<Record<PeopleField, string>>, line: number, errors: FieldError[]): string | null {
  if (c.organizationSiret) {
    const id = ctx.orgBySiret.get(compactIdentifier(c.organizationSiret));
    if (id) return id;
    errors.push({
      path: `line.${line}.${headerOf(ctx, 'organizationSiret')}`,
      code: 'not_found',
      message: `no organisation with SIRET ${c.organizationSiret}`,
    });
  } else if (c.organizationExternalId) {
    const id = ctx.orgByExternal.get(c.organizationExternalId);
    if (id) return id;
    const message = `no organisation with external id ${c.organizationExternalId}`;
    errors.push({ path: `line.${line}.${headerOf(ctx, 'organizationExternalId')}`, code: 'not_found', message });
  }
  return null;
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;

function diff(existing: PersonRow, input: TCreatePersonRequest): TUpdatePersonRequest {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input))
    if (value !== undefined && !same(value, (existing as Record<string, unknown>)[key])) patch[key] = value;
  return patch as TUpdatePersonRequest;
}

/** One row's plan: the person matched (e-mail, else external id), what changes, and the affiliation to add. */
function planRow(ctx: Context, cells: string[], line: number, seen: Map<string, number>): PlannedPerson {
  const errors: FieldError[] = [];
  const c = cellsOf(ctx, cells);
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  const base = { line, name, personId: null, organizationId: null, reasons: [], changes: [], errors };
  const byEmail = c.email ? ctx.byEmail.get(c.email.toLowerCase()) : undefined;
  const byExternal = c.externalId ? ctx.byExternal.get(c.externalId) : undefined;
  if (byEmail && byExternal && byEmail.id !== byExternal.id)
    return {
      ...base,
      action: 'error',
      errors: [{ path: `line.${line}`, code: 'conflict', message: 'the e-mail and the external id designate two different people' }],
    };
  const existing = byEmail ?? byExternal;
  const organizationId = organizationOf(ctx, c, line, errors);
  const parsed = ZCreatePersonRequest.safeParse(rawPerson(c, existing));
  if (!parsed.success) {
    for (const issue of (parsed.error as z.ZodError).issues) {
      const key = String(issue.path[0] ?? 'row');
      errors.push({ path: `line.${line}.${headerOf(ctx, key)}`, code: issue.code, message: issue.message });
    }
  }
  if (!parsed.success || errors.length) return { ...base, action: 'error' };
  const input = parsed.data;
  const keys = [input.email && `email:${input.email}`, input.externalId && `external:${input.externalId}`].filter((k): k is string => !!k);
  const twin = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
  if (twin !== undefined)
    return { ...base, action: 'error', errors: [{ path: `line.${line}`, code: 'duplicate_row', message: `same person as line ${twin}` }] };
  for (const k of keys) seen.set(k, line);
  const affiliation =
    organizationId && !(existing && ctx.affiliated.has(`${existing.id}:${organizationId}`))
      ? { organizationId, title: c.title ?? null }
      : undefined;
  const withOrg = { ...base, organizationId, ...(affiliation ? { affiliation } : {}) };
  if (!existing)
    return {
      ...withOrg,
      action: 'create',
      reasons: [keys.length ? 'new e-mail or external id' : 'no e-mail nor external id: created anew'],
      input,
      changes: affiliation ? ['affiliation'] : [],
    };
  const reason = byEmail ? `matched by e-mail ${input.email}` : `matched by external id ${input.externalId}`;
  const patch = diff(existing, input);
  const changes = [...Object.keys(patch), ...(affiliation ? ['affiliation'] : [])];
  const found = { ...withOrg, personId: existing.id, existing };
  if (!changes.length) return { ...found, action: 'skip', reasons: [reason, 'unchanged'] };
  return { ...found, action: 'update', reasons: [reason], changes, patch };
}

/** Decides, row by row, what a people import would do; reads only. */
export async function planPeopleImport(s: Scoped, csv: ParsedCsv): Promise<PlannedPerson[]> {
  const ctx = await loadContext(s, csv);
  const seen = new Map<string, number>();
  return csv.rows.map(({ line, cells }) => planRow(ctx, cells, line, seen));
}
