import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { findCommune, territoryThemes } from '../territories/index.ts';
import type { ParsedCsv } from './csv.ts';
import { type TCreateOrganizationRequest, type TUpdateOrganizationRequest, ZCreateOrganizationRequest } from './directory.contract.ts';
import { organizations, organizationThemes } from './directory.tables.ts';
import { compactIdentifier } from './identifiers.ts';
import type { TImportRow } from './import.contract.ts';
import { booleanOf, type ColumnMap, columnKey, kindOf, listOf, mapColumns, statusOf } from './import-columns.ts';
import type { OrganizationRow } from './organization-dto.ts';
import type { Scoped } from './scope.ts';

export type PlannedRow = TImportRow & {
  input?: TCreateOrganizationRequest;
  patch?: TUpdateOrganizationRequest;
  existing?: OrganizationRow;
};
type Existing = { row: OrganizationRow; themeIds: Set<string> };
type Context = {
  map: ColumnMap;
  themes: Map<string, string>;
  bySiret: Map<string, Existing>;
  byExternal: Map<string, Existing>;
  byName: Map<string, Existing[]>;
};

/** The header of the column a field (or a request key) came from, to name it in errors. */
function headerOf(map: ColumnMap, key: string): string {
  const fields: string[] = key === 'address' ? ['street', 'postalCode', 'city'] : key === 'themeIds' ? ['themes'] : [key];
  for (const [i, f] of map.fields) if (fields.includes(f)) return map.headers[i] ?? key;
  return key;
}

async function loadContext(s: Scoped, map: ColumnMap): Promise<Context> {
  const themes = new Map<string, string>();
  const themeRows = await s.tx.select().from(territoryThemes).where(eq(territoryThemes.territoryId, s.territory.id));
  for (const t of themeRows) for (const k of [t.slug, t.labelFr, t.labelEn, t.id]) themes.set(columnKey(k), t.id);
  const rows = await s.tx.select().from(organizations).where(eq(organizations.territoryId, s.territory.id));
  const links = await s.tx.select().from(organizationThemes).where(eq(organizationThemes.territoryId, s.territory.id));
  const ctx: Context = { map, themes, bySiret: new Map(), byExternal: new Map(), byName: new Map() };
  for (const row of rows) {
    const e = { row, themeIds: new Set(links.filter((l) => l.organizationId === row.id).map((l) => l.themeId)) };
    if (row.siret) ctx.bySiret.set(row.siret, e);
    if (row.externalId) ctx.byExternal.set(row.externalId, e);
    ctx.byName.set(columnKey(row.name), [...(ctx.byName.get(columnKey(row.name)) ?? []), e]);
  }
  return ctx;
}

/** A row's cells as a create request, before validation; cells left empty are absent (an update leaves them as they are). */
function rawInput(ctx: Context, cells: string[], line: number, errors: FieldError[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  for (const [i, field] of ctx.map.fields) {
    // A leading apostrophe before = + - @ is how Totem's exports neutralise formulas: read the value back.
    const v = (cells[i]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '');
    if (!v) continue;
    if (field === 'street' || field === 'postalCode' || field === 'city') address[field] = v;
    else if (field === 'kind') raw.kind = kindOf(v);
    else if (field === 'membershipStatus') raw.membershipStatus = statusOf(v);
    else if (field === 'isPublic') raw.isPublic = booleanOf(v);
    else if (field === 'foundingYear') raw.foundingYear = /^\d{1,4}$/.test(v) ? Number(v) : v;
    else if (field === 'siren' || field === 'siret' || field === 'rna') raw[field] = compactIdentifier(v);
    else if (field === 'tags') raw.tags = listOf(v);
    else if (field === 'themes') {
      raw.themeIds = listOf(v).map((name) => {
        const id = ctx.themes.get(columnKey(name));
        if (!id)
          errors.push({
            path: `line.${line}.${ctx.map.headers[i]}`,
            code: 'unknown_theme',
            message: `no theme "${name}" in this territory`,
          });
        return id;
      });
    } else raw[field] = v;
  }
  if (Object.keys(address).length) raw.address = address;
  if (typeof raw.communeInsee === 'string' && /^(\d{5}|2[AB]\d{3})$/.test(raw.communeInsee) && !findCommune(raw.communeInsee)) {
    errors.push({
      path: `line.${line}.${headerOf(ctx.map, 'communeInsee')}`,
      code: 'unknown_commune',
      message: `no commune ${raw.communeInsee}`,
    });
  }
  return raw;
}

function validate(ctx: Context, raw: Record<string, unknown>, line: number, errors: FieldError[]): TCreateOrganizationRequest | null {
  const parsed = ZCreateOrganizationRequest.safeParse(raw);
  if (parsed.success) return errors.length ? null : parsed.data;
  for (const issue of (parsed.error as z.ZodError).issues) {
    const [first, second] = issue.path.map(String);
    const key = first === 'address' && second ? second : (first ?? 'row');
    errors.push({ path: `line.${line}.${headerOf(ctx.map, key)}`, code: issue.code, message: issue.message });
  }
  return null;
}

/** Finds the organisation a row describes: by SIRET, else by external id, else by a name that only one organisation bears. */
function match(ctx: Context, input: TCreateOrganizationRequest): { found?: Existing; reason: string; conflict?: string } {
  const bySiret = input.siret ? ctx.bySiret.get(input.siret) : undefined;
  const byExternal = input.externalId ? ctx.byExternal.get(input.externalId) : undefined;
  if (bySiret && byExternal && bySiret !== byExternal)
    return { reason: '', conflict: 'the SIRET and the external id designate two different organisations' };
  if (bySiret) return { found: bySiret, reason: `matched by SIRET ${input.siret}` };
  if (byExternal) return { found: byExternal, reason: `matched by external id ${input.externalId}` };
  if (input.siret || input.externalId) return { reason: 'new SIRET or external id' };
  const named = ctx.byName.get(columnKey(input.name)) ?? [];
  if (named.length === 1) return { found: named[0], reason: 'matched by name (no SIRET or external id)' };
  return { reason: named.length ? 'several organisations bear this name: created anew' : 'no organisation with this name' };
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;

/** The fields of the row that differ from the organisation on record, as an update request. */
function diff(e: Existing, input: TCreateOrganizationRequest): { patch: TUpdateOrganizationRequest; changes: string[] } {
  const patch: Record<string, unknown> = {};
  const current: Record<string, unknown> = { ...e.row, themeIds: [...e.themeIds] };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'address' || key === 'publicFields' || value === undefined) continue;
    if (!same(value, current[key])) patch[key] = value;
  }
  if (input.address) {
    const next = { street: e.row.street, postalCode: e.row.postalCode, city: e.row.city, ...input.address };
    if (next.street !== e.row.street || next.postalCode !== e.row.postalCode || next.city !== e.row.city) patch.address = next;
  }
  return { patch, changes: Object.keys(patch) };
}

/** Decides, row by row, what an import would do; reads only. */
export async function planImport(s: Scoped, csv: ParsedCsv): Promise<PlannedRow[]> {
  const { map, errors: headerErrors } = mapColumns(csv.header);
  if (headerErrors.length) throw new AppError('invalid_csv', headerErrors[0]?.message, { errors: headerErrors });
  const ctx = await loadContext(s, map);
  const seen = new Map<string, number>();
  return csv.rows.map(({ line, cells }): PlannedRow => {
    const errors: FieldError[] = [];
    const input = validate(ctx, rawInput(ctx, cells, line, errors), line, errors);
    const name = input?.name ?? cells[[...map.fields].find(([, f]) => f === 'name')?.[0] ?? 0] ?? '';
    const base = { line, name, organizationId: null, reasons: [], changes: [], errors };
    if (!input) return { ...base, action: 'error' };
    // Two establishments may share a name: the name identifies a row only when it has no SIRET nor external id.
    const ids = [input.siret && `siret:${input.siret}`, input.externalId && `external:${input.externalId}`].filter(Boolean);
    const keys = ids.length ? ids : [`name:${columnKey(input.name)}`];
    const twin = keys.map((k) => (k ? seen.get(k) : undefined)).find((l) => l !== undefined);
    if (twin !== undefined) {
      return {
        ...base,
        action: 'error',
        errors: [{ path: `line.${line}`, code: 'duplicate_row', message: `same organisation as line ${twin}` }],
      };
    }
    for (const k of keys) if (k) seen.set(k, line);
    const m = match(ctx, input);
    if (m.conflict) return { ...base, action: 'error', errors: [{ path: `line.${line}`, code: 'conflict', message: m.conflict }] };
    if (!m.found) return { ...base, action: 'create', reasons: [m.reason], input };
    const { patch, changes } = diff(m.found, input);
    const found = { ...base, organizationId: m.found.row.id, existing: m.found.row };
    if (!changes.length) return { ...found, action: 'skip', reasons: [m.reason, 'unchanged'] };
    return { ...found, action: 'update', reasons: [m.reason], changes, patch };
  });
}
