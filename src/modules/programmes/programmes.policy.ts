import { type Actor, hasRole } from '../../platform/policy/actor.ts';
import type { Policy } from '../../platform/policy/policy.ts';

export type ProgrammesAction = 'programmes.read_public' | 'programmes.manage' | 'programmes.kpi_answer';
export type ProgrammesResource = { territoryId: string };

/**
 * Published programmes and their public alumni are for anyone; a company answers its monthly
 * figures through the secret link it was e-mailed (the link is the credential, checked by the
 * service); admins and staff run programmes: enrolments, mentoring, KPIs and reports.
 */
export const programmesPolicy: Policy<ProgrammesAction, ProgrammesResource> = (actor: Actor, action, resource) => {
  switch (action) {
    case 'programmes.read_public':
    case 'programmes.kpi_answer':
      return true;
    case 'programmes.manage':
      return hasRole(actor, resource.territoryId, 'admin', 'staff');
    default:
      return false;
  }
};

/** Whether the actor runs the territory's programmes (and so sees unpublished ones). */
export const managesProgrammes = (actor: Actor, territoryId: string) => hasRole(actor, territoryId, 'admin', 'staff');
