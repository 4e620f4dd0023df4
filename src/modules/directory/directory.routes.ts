import type { Deps } from '../../platform/context.ts';
import { createAffiliationsService } from './affiliations.service.ts';
import { crmRoutes } from './crm.routes.ts';
import { createExportService } from './export.service.ts';
import { createImportService } from './import.service.ts';
import { importRoutes } from './imports.routes.ts';
import { createInteractionsService } from './interactions.service.ts';
import { createMetricsService } from './metrics.service.ts';
import { createMyOrganizationsService, myOrganizationsRoutes } from './my-organizations.ts';
import { organizationsRoutes } from './organizations.routes.ts';
import { createOrganizationsService } from './organizations.service.ts';
import { peopleRoutes } from './people.routes.ts';
import { createPeopleService } from './people.service.ts';
import { createPeopleImportService } from './people-import.service.ts';
import { portalRoutes } from './portal.routes.ts';
import { createPortalService } from './portal.service.ts';
import { createPrivacyService } from './privacy.service.ts';
import { createRelationshipsService } from './relationships.service.ts';
import { createRemindersService } from './reminders.service.ts';
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
    peopleImports: createPeopleImportService(deps),
    exports: createExportService(deps),
    interactions: createInteractionsService(deps),
    reminders: createRemindersService(deps),
    portal: createPortalService(deps),
    myOrganizations: createMyOrganizationsService(deps),
  };
}
export type DirectoryServices = ReturnType<typeof createDirectoryServices>;

/** The directory's routes: the public portal and the staff's records, imports and exports. */
export function directoryRoutes(services: DirectoryServices) {
  return [
    ...organizationsRoutes(services),
    ...peopleRoutes(services),
    ...importRoutes(services),
    ...crmRoutes(services),
    ...portalRoutes(services),
    ...myOrganizationsRoutes(services.myOrganizations),
  ];
}
