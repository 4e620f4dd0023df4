/**
 * The directory's closed lists, with no imports: the tables, the contracts and the web app all read
 * them from here, so a value added once is known everywhere.
 */
export const organizationKinds = [
  'startup',
  'sme',
  'large_company',
  'association',
  'public_body',
  'school',
  'investor',
  'incubator',
  'cluster',
  'fablab',
  'chamber_of_commerce',
] as const;
export const membershipStatuses = ['member', 'partner', 'prospect', 'former'] as const;
export const relationshipKinds = ['accompanies', 'funds', 'hosts', 'partners_with', 'member_of', 'spun_out_of'] as const;
export const metricKinds = ['headcount', 'funds_raised', 'revenue_band'] as const;
export const revenueBands = ['lt_100k', '100k_500k', '500k_1m', '1m_2m', '2m_10m', '10m_50m', 'gt_50m'] as const;
export const legalBases = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interest'] as const;

/** Fields an organisation may show in the public directory, besides its name and kind. */
export const publicFieldNames = [
  'legalName',
  'identifiers',
  'address',
  'commune',
  'website',
  'description',
  'logoUrl',
  'foundingYear',
  'sector',
  'themes',
  'tags',
  'membershipStatus',
  'metrics',
  'relationships',
] as const;
