import type {
  TOrganization,
  TOrganizationDetail,
  TPublicOrganization,
  TRelationshipView,
} from '../../../../src/modules/directory/directory.contract.ts';
import type { TImportReport, TImportRow } from '../../../../src/modules/directory/import.contract.ts';
import type { TMetric, TRelationship } from '../../../../src/modules/directory/links.contract.ts';
import type { TPerson, TPersonDetail } from '../../../../src/modules/directory/people.contract.ts';
import type { FacetName, TFacets, TFacetValue } from '../../../../src/modules/directory/search.contract.ts';

/** The directory's shapes, taken from the server's contracts. */
export type Organization = TOrganization;
export type OrganizationDetail = TOrganizationDetail;
/** The public DTO; `jsonLd` (schema.org Organization) when the server provides it. */
export type PublicOrganization = TPublicOrganization & { jsonLd?: Record<string, unknown> };
export type RelationshipView = TRelationshipView;
export type Person = TPerson;
export type PersonDetail = TPersonDetail;
export type Affiliation = TPersonDetail['affiliations'][number];
export type OfferKind = TPerson['offers'][number];
export type LegalBasis = TPerson['legalBasis'];
export type Relationship = TRelationship;
export type Metric = TMetric;
export type MetricKind = TMetric['metric'];
export type RelationshipKind = TRelationship['kind'];
export type ImportReport = TImportReport;
export type ImportRow = TImportRow;
export type Facets = TFacets;
export type FacetValue = TFacetValue;
export type { FacetName };
export type SearchPage<T> = { items: T[]; total: number; page: number; pageSize: number; facets: Facets };

export type OrgRef = { id: string; name: string; kind: string };
export type Figures = {
  organizations: { total: number; byKind: { kind: string; count: number }[] };
  jobs: number | null;
  fundsRaisedCents: number | null;
  asOf: string | null;
};
export type NetworkRelationship = {
  id: string;
  kind: string;
  source: OrgRef;
  target: OrgRef;
  startedOn: string | null;
  endedOn: string | null;
};
export type Interaction = {
  id: string;
  organizationId: string;
  kind: string;
  occurredAt: string;
  summary: string;
  body: string | null;
  people: { id: string; name: string }[];
  author: { id: string; displayName: string } | null;
  createdAt: string;
};
export type Reminder = {
  id: string;
  dueOn: string;
  note: string;
  done: boolean;
  overdue: boolean;
  organization: OrgRef | null;
  person: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
};

/** What a person offers or seeks; the server's list lives beside its tables, out of the web app's reach. */
export const offerKinds = ['co_founder', 'job', 'investment', 'expertise', 'partner'] as const satisfies readonly OfferKind[];

export const facetOrder: FacetName[] = ['kind', 'theme', 'commune', 'status', 'tag'];
export {
  legalBases,
  membershipStatuses,
  metricKinds,
  organizationKinds,
  publicFieldNames,
  relationshipKinds,
  revenueBands,
} from '../../../../src/modules/directory/directory.values.ts';

const t = (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`;
const qs = (params: Record<string, string | number | undefined | null>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
};

/** The directory endpoints used by the web app. */
export const directoryPaths = {
  search: (slug: string, query: string) => `${t(slug)}/organizations${query}`,
  organization: (slug: string, id: string) => `${t(slug)}/organizations/${encodeURIComponent(id)}`,
  figures: (slug: string) => `${t(slug)}/figures`,
  relationships: (slug: string, page: number, pageSize: number) => `${t(slug)}/relationships${qs({ page, pageSize })}`,
  staffOrganizations: (slug: string, query: string) => `${t(slug)}/directory/organizations${query}`,
  staffOrganization: (slug: string, id: string) => `${t(slug)}/directory/organizations/${encodeURIComponent(id)}`,
  merge: (slug: string, id: string) => `${t(slug)}/directory/organizations/${encodeURIComponent(id)}/merge`,
  bulkTags: (slug: string) => `${t(slug)}/directory/organizations/tags`,
  interactions: (slug: string, id: string) => `${t(slug)}/directory/organizations/${encodeURIComponent(id)}/interactions`,
  reminders: (slug: string) => `${t(slug)}/directory/reminders?status=open&assignee=me`,
  reminder: (slug: string, id: string) => `${t(slug)}/directory/reminders/${encodeURIComponent(id)}`,
  people: (slug: string, query: string) => `${t(slug)}/directory/people${query}`,
  person: (slug: string, id: string) => `${t(slug)}/directory/people/${encodeURIComponent(id)}`,
  personExport: (slug: string, id: string) => `${t(slug)}/directory/people/${encodeURIComponent(id)}/export`,
  personErase: (slug: string, id: string) => `${t(slug)}/directory/people/${encodeURIComponent(id)}/erase`,
  affiliations: (slug: string, personId: string) => `${t(slug)}/directory/people/${encodeURIComponent(personId)}/affiliations`,
  affiliation: (slug: string, id: string) => `${t(slug)}/directory/affiliations/${encodeURIComponent(id)}`,
  orgRelationships: (slug: string, id: string) => `${t(slug)}/directory/organizations/${encodeURIComponent(id)}/relationships?pageSize=200`,
  relationshipCreate: (slug: string) => `${t(slug)}/directory/relationships`,
  relationship: (slug: string, id: string) => `${t(slug)}/directory/relationships/${encodeURIComponent(id)}`,
  metrics: (slug: string, id: string) => `${t(slug)}/directory/organizations/${encodeURIComponent(id)}/metrics`,
  metric: (slug: string, id: string, metricId: string) =>
    `${t(slug)}/directory/organizations/${encodeURIComponent(id)}/metrics/${encodeURIComponent(metricId)}`,
  importPreview: (slug: string) => `${t(slug)}/directory/imports/organizations/preview`,
  importCommit: (slug: string) => `${t(slug)}/directory/imports/organizations`,
  exportCsv: (slug: string, profile: 'excel' | 'open_data') => `${t(slug)}/directory/exports/organizations.csv?profile=${profile}`,
};

/** The query string (`?q=…&kind=…&page=…`) of a directory search, from the page's URL parameters. */
export function searchQuery(params: URLSearchParams, pageSize: number): string {
  const page = Number(params.get('page'));
  return qs({
    q: params.get('q')?.trim(),
    ...Object.fromEntries(facetOrder.map((f) => [f, params.get(f)])),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    pageSize,
  });
}

/** Whether a session holds a staff role (admin or staff) in the territory, or is a platform admin. */
export function isDirectoryStaff(
  session: { user: { platformAdmin: boolean } | null; memberships: { slug: string; roles: string[] }[] } | null,
  slug: string,
): boolean {
  if (!session?.user) return false;
  if (session.user.platformAdmin) return true;
  return session.memberships.some((m) => m.slug === slug && (m.roles.includes('admin') || m.roles.includes('staff')));
}

/** Whether the person administers the territory (erasing a person needs it). */
export function isDirectoryAdmin(
  session: { user: { platformAdmin: boolean } | null; memberships: { slug: string; roles: string[] }[] } | null,
  slug: string,
): boolean {
  if (!session?.user) return false;
  return session.user.platformAdmin || session.memberships.some((m) => m.slug === slug && m.roles.includes('admin'));
}

/**
 * Amounts in cents of euros, as whole euros in the interface's language; millions in short form
 * (« 1,25 M€ ») unless `exact` is asked for, as staff records need.
 */
export function formatEuros(cents: number, locale: 'fr' | 'en', exact = false): string {
  const compact = !exact && cents >= 1_000_000_00;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    ...(compact ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: 0 }),
  }).format(cents / 100);
}
