import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { legalBases } from './directory.tables.ts';
import { booleanOf, columnKey, listOf } from './import-columns.ts';
import { importError } from './import-messages.ts';
import type { PersonRow } from './people.service.ts';

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
export type PeopleField = keyof typeof peopleFields;
export type PeopleCells = Partial<Record<PeopleField, string>>;
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

/** Maps header cells to fields; an unknown or repeated column, or a missing name column, refuses the file. */
export function mapPeopleColumns(header: string[], locale: Locale): Map<number, PeopleField> {
  const columns = new Map<number, PeopleField>();
  const errors: FieldError[] = [];
  header.forEach((h, i) => {
    const field = fieldByColumn.get(columnKey(h));
    if (!field) errors.push(importError(locale, `header.${h}`, 'unknown_column', 'unknown_column', { header: h }));
    else if ([...columns.values()].includes(field))
      errors.push(importError(locale, `header.${h}`, 'duplicate_column', 'duplicate_column', { header: h }));
    else columns.set(i, field);
  });
  for (const required of ['firstName', 'lastName'] as const)
    if (![...columns.values()].includes(required))
      errors.push(importError(locale, 'header', 'missing_column', 'missing_column', { column: peopleFields[required][0] }));
  if (errors.length) throw new AppError('invalid_csv', errors[0]?.message, { errors });
  return columns;
}

/** A row's cells by field, empty cells left out; the formula guard of Totem's exports read back. */
export function cellsOf(columns: Map<number, PeopleField>, cells: string[]): PeopleCells {
  const out: PeopleCells = {};
  for (const [i, field] of columns) {
    const v = (cells[i]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '');
    if (v) out[field] = v;
  }
  return out;
}

/** A row's cells as a create request, before validation; the legal basis on record stands when the row gives none. */
export function rawPerson(c: PeopleCells, existing: PersonRow | undefined): Record<string, unknown> {
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
