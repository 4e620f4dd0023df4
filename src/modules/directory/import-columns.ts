import type { FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { membershipStatuses, organizationKinds } from './directory.tables.ts';
import { importError } from './import-messages.ts';
import { kindLabels, statusLabels } from './labels.ts';

/** Column names, lower case without accents or punctuation: "Année de création" → "annee_de_creation". */
export function columnKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The fields an import reads, each with the column names it answers to (French first, then English). */
export const importFields = {
  name: ['nom', 'name'],
  kind: ['type', 'kind', 'categorie'],
  legalName: ['raison_sociale', 'denomination', 'legal_name'],
  siren: ['siren'],
  siret: ['siret'],
  rna: ['rna', 'numero_rna'],
  street: ['adresse', 'street', 'address'],
  postalCode: ['code_postal', 'cp', 'postal_code'],
  city: ['ville', 'city'],
  communeInsee: ['code_insee', 'commune_insee', 'insee'],
  website: ['site_web', 'site', 'website'],
  descriptionFr: ['description', 'description_fr'],
  descriptionEn: ['description_en'],
  logoUrl: ['logo', 'logo_url'],
  foundingYear: ['annee_creation', 'annee_de_creation', 'founding_year'],
  sector: ['secteur', 'sector'],
  themes: ['thematiques', 'themes'],
  tags: ['etiquettes', 'mots_cles', 'tags'],
  membershipStatus: ['statut', 'statut_adhesion', 'membership_status'],
  isPublic: ['public', 'visible', 'is_public'],
  externalId: ['identifiant_externe', 'id_externe', 'external_id'],
} as const;
export type ImportField = keyof typeof importFields;

/** Columns that Totem's own exports write but an import does not read (figures have their own history). */
const derivedColumns = new Set([
  'commune',
  'commune_name',
  'effectif',
  'headcount',
  'levee_de_fonds_eur',
  'funds_raised_eur',
  'tranche_de_ca',
  'revenue_band',
  'mis_a_jour_le',
  'updated_on',
]);

const fieldByColumn = new Map<string, ImportField>(
  Object.entries(importFields).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

export type ColumnMap = { fields: Map<number, ImportField>; headers: string[] };

/** Maps header cells to fields; an unknown or repeated column, or a missing name column, refuses the file. */
export function mapColumns(header: string[], locale: Locale = 'en'): { map: ColumnMap; errors: FieldError[] } {
  const fields = new Map<number, ImportField>();
  const errors: FieldError[] = [];
  header.forEach((h, i) => {
    const key = columnKey(h);
    const field = fieldByColumn.get(key);
    if (field && [...fields.values()].includes(field))
      errors.push(importError(locale, `header.${h}`, 'duplicate_column', 'duplicate_column', { header: h }));
    else if (field) fields.set(i, field);
    else if (!derivedColumns.has(key)) errors.push(importError(locale, `header.${h}`, 'unknown_column', 'unknown_column', { header: h }));
  });
  for (const [field, column] of [
    ['name', 'nom'],
    ['kind', 'type'],
  ] as const)
    if (![...fields.values()].includes(field))
      errors.push(importError(locale, 'header', 'missing_column', 'missing_column', { column, field }));
  return { map: { fields, headers: header }, errors };
}

/** Values accepted for a closed list: its codes and its French and English labels, normalised. */
function lookup<T extends string>(codes: readonly T[], labels: Record<T, Record<'fr' | 'en', string>>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>(Object.entries(extra) as [string, T][]);
  for (const code of codes) {
    map.set(columnKey(code), code);
    map.set(columnKey(labels[code].fr), code);
    map.set(columnKey(labels[code].en), code);
  }
  return (value: string): T | string => map.get(columnKey(value)) ?? value;
}

export const kindOf = lookup(organizationKinds, kindLabels, {
  pme: 'sme',
  eti: 'large_company',
  collectivite: 'public_body',
  ecole: 'school',
  universite: 'school',
  incubateur: 'incubator',
  accelerateur: 'incubator',
  investisseur: 'investor',
  cci: 'chamber_of_commerce',
  chambre_de_commerce: 'chamber_of_commerce',
});
export const statusOf = lookup(membershipStatuses, statusLabels, { ancien: 'former', membre: 'member', partenaire: 'partner' });

/** oui/non, true/false, 1/0, x/empty: a spreadsheet's booleans. */
export function booleanOf(value: string): boolean | string {
  const v = columnKey(value);
  if (['oui', 'true', '1', 'x', 'yes', 'vrai'].includes(v)) return true;
  if (['non', 'false', '0', 'no', 'faux'].includes(v)) return false;
  return value;
}

/** A list cell: values separated by `|` (or `,` when there is no `|`). */
export function listOf(value: string): string[] {
  return value
    .split(value.includes('|') ? '|' : ',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Whether a cell's value equals the one on record; lists as sets (a list written twice, or reordered, is unchanged). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}
