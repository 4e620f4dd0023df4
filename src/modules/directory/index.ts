/** Directory: organisations, people, affiliations, relationships, figures, search, CSV import/export, public portal. */

/** Writes in the caller's transaction, for modules that create directory records as part of their own use case. */
export { addAffiliation } from './affiliations.service.ts';
export type { TOrganization, TOrganizationKind, TPublicField, TPublicOrganization, TRelationshipKind } from './directory.contract.ts';
export { ZInseeCode, ZOrganizationKind, ZSiret } from './directory.contract.ts';
export { createDirectoryServices, type DirectoryServices, directoryRoutes } from './directory.routes.ts';
export {
  affiliations,
  organizationMetrics,
  organizationRelationships,
  organizations,
  organizationThemes,
  people,
} from './directory.tables.ts';
export { revenueBands } from './directory.values.ts';
/** Folds every territory's directory facet counts (hourly maintenance). */
export { compactAllFacetCounts } from './facet-counts.ts';
export { isValidRna, isValidSiren, isValidSiret } from './identifiers.ts';
/** Adds a dated figure (headcount, funds raised in cents, revenue band) to an organisation, in the caller's transaction, audited. */
export { addMetric as recordOrganizationFigure } from './metrics.service.ts';
/** The organisations an account acts for (its person's current affiliations), read in the caller's transaction. */
export { currentOrganizationsOf } from './my-organizations.ts';
export { createOrganization } from './organization-writes.ts';
export { createPerson } from './people.service.ts';
