import { z } from 'zod';
import { ZOrganizationSearchQuery } from './search.contract.ts';

/** A CSV file: as text, or as its bytes in base64 (so that a Windows-1252 file arrives intact). */
export const ZImportRequest = z
  .strictObject({
    content: z.string().min(1).max(1_500_000),
    encoding: z.enum(['text', 'base64']).default('text'),
  })
  .meta({ examples: [{ content: 'nom;type\nTektos;incubateur\n', encoding: 'text' }] });
export type TImportRequest = z.infer<typeof ZImportRequest>;

/** A row's or the file's error: `path` is `line.<n>.<column>` (or `header.<column>`), `code` stable, `message` in the request's language. */
const ZFieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });
export const ZImportRow = z.object({
  line: z.number().int(),
  action: z.enum(['create', 'update', 'skip', 'error']),
  organizationId: z.uuid().nullable(),
  name: z.string(),
  /** Why this action: how the row was matched, or why it is skipped, in the request's language. */
  reasons: z.array(z.string()),
  /**
   * The stable codes of `reasons`, in the same order: matched_siret, matched_external_id,
   * matched_email, matched_name, new_identifier, new_email_or_identifier, no_identifier,
   * name_ambiguous, name_unknown, unchanged.
   */
  reasonCodes: z.array(z.string()),
  /** The fields an update changes. */
  changes: z.array(z.string()),
  errors: z.array(ZFieldError),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportReport = z
  .object({
    valid: z.boolean(),
    committed: z.boolean(),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
    delimiter: z.enum([';', ',', '\t']),
    summary: z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int(), error: z.number().int() }),
    rows: z.array(ZImportRow),
  })
  .meta({ id: 'ImportReport' });
export type TImportReport = z.infer<typeof ZImportReport>;

export const ZExportQuery = ZOrganizationSearchQuery.omit({ page: true, pageSize: true }).extend({
  /** `excel`: French Excel (BOM, `;`, decimal comma, dd/mm/yyyy); `open_data`: `,`, ISO dates, decimal point. */
  profile: z.enum(['excel', 'open_data']).default('excel'),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;

export const ZPeopleImportRow = ZImportRow.omit({ organizationId: true }).extend({
  personId: z.uuid().nullable(),
  /** The organisation the row affiliates the person with, when it names one. */
  organizationId: z.uuid().nullable(),
});
export type TPeopleImportRow = z.infer<typeof ZPeopleImportRow>;
export const ZPeopleImportReport = ZImportReport.omit({ rows: true })
  .extend({ rows: z.array(ZPeopleImportRow) })
  .meta({ id: 'PeopleImportReport' });
export type TPeopleImportReport = z.infer<typeof ZPeopleImportReport>;
