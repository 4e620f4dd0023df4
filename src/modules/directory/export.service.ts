import type { Ctx, Deps } from '../../platform/context.ts';
import { type CsvProfile, writeCsv } from './csv.ts';
import type { TOrganization } from './directory.contract.ts';
import type { TExportQuery } from './import.contract.ts';
import { kindLabels, statusLabels } from './labels.ts';
import { inTerritory } from './scope.ts';
import { allMatching } from './search.service.ts';

/** Column headers per profile: French for Excel, English for open data; both read back by the import. */
const headers: Record<CsvProfile, string[]> = {
  excel: [
    'nom',
    'type',
    'raison_sociale',
    'siren',
    'siret',
    'rna',
    'adresse',
    'code_postal',
    'ville',
    'code_insee',
    'commune',
    'site_web',
    'description_fr',
    'description_en',
    'logo',
    'annee_creation',
    'secteur',
    'thematiques',
    'etiquettes',
    'statut',
    'public',
    'identifiant_externe',
    'effectif',
    'levee_de_fonds_eur',
    'tranche_de_ca',
    'mis_a_jour_le',
  ],
  open_data: [
    'name',
    'kind',
    'legal_name',
    'siren',
    'siret',
    'rna',
    'street',
    'postal_code',
    'city',
    'commune_insee',
    'commune_name',
    'website',
    'description_fr',
    'description_en',
    'logo_url',
    'founding_year',
    'sector',
    'themes',
    'tags',
    'membership_status',
    'is_public',
    'external_id',
    'headcount',
    'funds_raised_eur',
    'revenue_band',
    'updated_on',
  ],
};

/** Euros from cents, with the profile's decimal separator (no thousands separator, so spreadsheets read a number). */
const euros = (cents: number | null | undefined, profile: CsvProfile) => {
  if (cents === null || cents === undefined) return '';
  const text = (cents / 100).toFixed(2);
  return profile === 'excel' ? text.replace('.', ',') : text;
};
/** dd/mm/yyyy for Excel, ISO 8601 for open data. */
const day = (iso: string, profile: CsvProfile) => {
  const d = iso.slice(0, 10);
  return profile === 'excel' ? d.split('-').reverse().join('/') : d;
};

function cells(o: TOrganization, profile: CsvProfile): string[] {
  const excel = profile === 'excel';
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const m = o.latestMetrics;
  return [
    o.name,
    excel ? kindLabels[o.kind].fr : o.kind,
    s(o.legalName),
    s(o.siren),
    s(o.siret),
    s(o.rna),
    s(o.address.street),
    s(o.address.postalCode),
    s(o.address.city),
    s(o.commune?.inseeCode),
    s(o.commune?.name),
    s(o.website),
    s(o.descriptionFr),
    s(o.descriptionEn),
    s(o.logoUrl),
    s(o.foundingYear),
    s(o.sector),
    o.themes.map((t) => t.slug).join('|'),
    o.tags.join('|'),
    excel ? statusLabels[o.membershipStatus].fr : o.membershipStatus,
    excel ? (o.isPublic ? 'oui' : 'non') : String(o.isPublic),
    s(o.externalId),
    s(m.headcount?.value),
    euros(m.funds_raised?.value, profile),
    s(m.revenue_band?.band),
    day(o.updatedAt, profile),
  ];
}

/** CSV export of the organisations matching the filters, for French Excel or as open data. */
export function createExportService({ database }: Pick<Deps, 'database'>) {
  return {
    organizations(ctx: Ctx, slug: string, query: TExportQuery): Promise<{ filename: string; body: string }> {
      return inTerritory(database, ctx, slug, 'directory.export', async ({ tx, territory }) => {
        const rows = await allMatching(tx, territory.id, { ...query, page: 1, pageSize: 1 });
        const body = writeCsv(
          headers[query.profile],
          rows.map((o) => cells(o, query.profile)),
          query.profile,
        );
        return { filename: `${territory.slug}-organisations-${query.profile === 'excel' ? 'excel' : 'open-data'}.csv`, body };
      });
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
