/** Calls for projects: calls, forms, applications, screening, review stages, conflicts, assignment, reviews and decisions. */
export type { TCall, TPublicCall } from './calls.contract.ts';
export { type CallsServices, callsRoutes, createCallsServices } from './calls.routes.ts';
export { applications, calls } from './calls.tables.ts';
/** Hourly retention: uploads no answer refers to, after a day. */
export { purgeOrphanFiles } from './file-retention.ts';
export { uploadLimits } from './files.routes.ts';
export { ZFormDefinition } from './forms.ts';
