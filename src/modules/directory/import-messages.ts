import { type ZodError, z } from 'zod';
import type { FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';

type P = Record<string, string | number>;
type Text = Record<Locale, (p: P) => string>;
const t = (fr: (p: P) => string, en: (p: P) => string): Text => ({ fr, en });

/**
 * What an import says about a row or a file, in French and English. The key is stable (it is the
 * reason's code, or the message behind an error code); the text follows the request's locale.
 */
const texts = {
  // Why a row creates, updates or skips.
  matched_siret: t(
    (p) => `rapprochée par son SIRET ${p.siret}`,
    (p) => `matched by SIRET ${p.siret}`,
  ),
  matched_external_id: t(
    (p) => `rapprochée par son identifiant externe ${p.id}`,
    (p) => `matched by external id ${p.id}`,
  ),
  matched_email: t(
    (p) => `rapprochée par son adresse e-mail ${p.email}`,
    (p) => `matched by e-mail ${p.email}`,
  ),
  matched_name: t(
    () => 'rapprochée par son nom (ni SIRET ni identifiant externe)',
    () => 'matched by name (no SIRET or external id)',
  ),
  new_identifier: t(
    () => 'SIRET ou identifiant externe nouveau',
    () => 'new SIRET or external id',
  ),
  name_ambiguous: t(
    () => 'plusieurs structures portent ce nom : une nouvelle est créée',
    () => 'several organisations bear this name: created anew',
  ),
  name_unknown: t(
    () => 'aucune structure de ce nom',
    () => 'no organisation with this name',
  ),
  new_email_or_identifier: t(
    () => 'adresse e-mail ou identifiant externe nouveau',
    () => 'new e-mail or external id',
  ),
  no_identifier: t(
    () => 'ni adresse e-mail ni identifiant externe : une nouvelle personne est créée',
    () => 'no e-mail nor external id: created anew',
  ),
  unchanged: t(
    () => 'sans changement',
    () => 'unchanged',
  ),
  // Errors of a row.
  unknown_theme: t(
    (p) => `aucune thématique « ${p.name} » sur ce territoire`,
    (p) => `no theme "${p.name}" in this territory`,
  ),
  unknown_commune: t(
    (p) => `aucune commune de code INSEE ${p.code}`,
    (p) => `no commune ${p.code}`,
  ),
  duplicate_organization: t(
    (p) => `même structure qu’à la ligne ${p.line}`,
    (p) => `same organisation as line ${p.line}`,
  ),
  duplicate_person: t(
    (p) => `même personne qu’à la ligne ${p.line}`,
    (p) => `same person as line ${p.line}`,
  ),
  conflicting_organization: t(
    () => 'le SIRET et l’identifiant externe désignent deux structures différentes',
    () => 'the SIRET and the external id designate two different organisations',
  ),
  conflicting_person: t(
    () => 'l’adresse e-mail et l’identifiant externe désignent deux personnes différentes',
    () => 'the e-mail and the external id designate two different people',
  ),
  siret_siren_mismatch: t(
    () => 'le SIRET doit commencer par le SIREN',
    () => 'the SIRET must begin with the SIREN',
  ),
  no_organization_siret: t(
    (p) => `aucune structure avec le SIRET ${p.siret}`,
    (p) => `no organisation with SIRET ${p.siret}`,
  ),
  no_organization_external_id: t(
    (p) => `aucune structure avec l’identifiant externe ${p.id}`,
    (p) => `no organisation with external id ${p.id}`,
  ),
  // Errors of the file.
  duplicate_column: t(
    (p) => `« ${p.header} » répète une colonne`,
    (p) => `"${p.header}" repeats a column`,
  ),
  unknown_column: t(
    (p) => `colonne inconnue « ${p.header} »`,
    (p) => `unknown column "${p.header}"`,
  ),
  missing_column: t(
    (p) => `une colonne « ${p.column} » est obligatoire`,
    (p) => (p.field ? `a "${p.column}" (${p.field}) column is required` : `a "${p.column}" column is required`),
  ),
  empty: t(
    () => 'le fichier n’a pas de ligne d’en-tête',
    () => 'the file has no header line',
  ),
  too_many_rows: t(
    (p) => `au plus ${p.max} lignes par fichier`,
    (p) => `at most ${p.max} rows per file`,
  ),
  column_count: t(
    (p) => `${p.cells} cellules alors que l’en-tête en a ${p.width}`,
    (p) => `${p.cells} cells where the header has ${p.width}`,
  ),
  unreadable: t(
    (p) => `fichier illisible à la ligne ${p.line} (guillemets mal fermés ?) : ${p.detail}`,
    (p) => String(p.detail),
  ),
  base64: t(
    () => 'le contenu n’est pas encodé en base64',
    () => 'not base64',
  ),
  rejected: t(
    (p) => `${p.count} erreur(s) : rien n’a été importé`,
    (p) => `${p.count} errors; nothing was imported`,
  ),
} satisfies Record<string, Text>;
export type ImportTextKey = keyof typeof texts;

/** The text of a reason or a message in a locale. */
export function importText(locale: Locale, key: ImportTextKey, params: P = {}): string {
  return texts[key][locale](params);
}

/** A row or file error: a stable code, its path, and its text in the locale. */
export function importError(locale: Locale, path: string, code: string, key: ImportTextKey, params: P = {}): FieldError {
  return { path, code, message: importText(locale, key, params) };
}

/** French for the contracts' own checks, by field: a spreadsheet's author reads these. */
const frenchHints: Record<string, string> = {
  siren: 'SIREN : 9 chiffres avec une clé de contrôle valide (Luhn)',
  siret: 'SIRET : 14 chiffres avec une clé de contrôle valide (Luhn)',
  rna: 'RNA : W suivi de 9 caractères',
  communeInsee: 'code INSEE : 5 caractères',
  postalCode: 'code postal : 5 chiffres',
  website: 'adresse web complète attendue, commençant par https://',
  logoUrl: 'adresse web complète attendue, commençant par https://',
  foundingYear: 'année sur 4 chiffres attendue',
  kind: 'type de structure inconnu (start-up, PME, association, collectivité, école, incubateur, investisseur, cluster, fablab…)',
  membershipStatus: 'statut inconnu (membre, partenaire, prospect, ancien membre)',
  isPublic: 'oui ou non attendu',
  email: 'adresse e-mail invalide',
  phone: 'téléphone : chiffres, espaces, points, tirets, un + en tête éventuel',
  languages: 'langue : code ISO 639 (fr, en, nl…)',
  legalBasis:
    'base légale inconnue (consentement, contrat, obligation légale, intérêts vitaux, mission d’intérêt public, intérêt légitime)',
  consentContact: 'oui ou non attendu',
};

const frenchZod = z.locales.fr().localeError;
const missingCell = 'cellule obligatoire';

/** Parses a row with a contract; in French, Zod's own texts are French too, and a missing cell says so. */
export function parseRow<T extends z.ZodType>(schema: T, raw: unknown, locale: Locale) {
  if (locale === 'en') return schema.safeParse(raw);
  return schema.safeParse(raw, {
    error: (issue) => (issue.input === undefined ? missingCell : frenchZod(issue)),
  });
}

/**
 * A failed row's issues as field errors on `line.<n>.<column>`. `field` names the field an issue is
 * about (the address's parts by their own name); the English text is the contract's own.
 */
export function issueErrors(error: ZodError, line: number, locale: Locale, columnOf: (field: string) => string): FieldError[] {
  return error.issues.map((issue) => {
    const [first, second] = issue.path.map(String);
    const field = first === 'address' && second ? second : (first ?? 'row');
    const hint = locale === 'fr' && issue.message !== missingCell ? frenchHints[field] : undefined;
    const custom = locale === 'fr' && issue.code === 'custom' && !hint ? 'caractères de contrôle interdits' : undefined;
    return { path: `line.${line}.${columnOf(field)}`, code: issue.code, message: hint ?? custom ?? issue.message };
  });
}
