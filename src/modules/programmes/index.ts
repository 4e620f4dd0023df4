/** Programmes: accompaniment programmes and cohorts, capped enrolments and waitlists, mentoring, milestones, monthly KPIs, funder reports. */
export { admitToProgramme, type TAdmission, type TAdmitInput } from './admission.ts';
export type { TEnrolment, TProgramme } from './programmes.contract.ts';
export { createProgrammesServices, type ProgrammesServices, programmesRoutes } from './programmes.routes.ts';
export { programmeCohorts, programmeEnrolments, programmes } from './programmes.tables.ts';
