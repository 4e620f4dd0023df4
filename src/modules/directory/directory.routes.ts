import type { Deps } from '../../platform/context.ts';
import { createAffiliationsService } from './affiliations.service.ts';
import { createExportService } from './export.service.ts';
import { createImportService } from './import.service.ts';
import { importRoutes } from './imports.routes.ts';
import { createMetricsService } from './metrics.service.ts';
import { organizationsRoutes } from './organizations.routes.ts';
import { createOrganizationsService } from './organizations.service.ts';
import { peopleRoutes } from './people.routes.ts';
import { createPeopleService } from './people.service.ts';
import { createPrivacyService } from './privacy.service.ts';
import { createRelationshipsService } from './relationships.service.ts';
import { createSearchService } from './search.service.ts';

/** Every service of the directory, built from the process-wide dependencies. */
export function createDirectoryServices(deps: Pick<Deps, 'database' | 'clock'>) {
  return {
    organizations: createOrganizationsService(deps),
    search: createSearchService(deps),
    relationships: createRelationshipsService(deps),
    metrics: createMetricsService(deps),
    people: createPeopleService(deps),
    affiliations: createAffiliationsService(deps),
    privacy: createPrivacyService(deps),
    imports: createImportService(deps),
    exports: createExportService(deps),
  };
}
export type DirectoryServices = ReturnType<typeof createDirectoryServices>;

/** The directory's routes: the public portal and the staff's records, imports and exports. */
export function directoryRoutes(services: DirectoryServices) {
  return [...organizationsRoutes(services), ...peopleRoutes(services), ...importRoutes(services)];
}
