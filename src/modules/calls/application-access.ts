/** Loading an application for the applicant, staff or a reviewer, and turning it into its DTO. */
import { eq } from 'drizzle-orm';
import { sqlState } from '../../platform/db/sql-state.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { instantToZoned } from '../../platform/time/index.ts';
import { currentOrganizationsOf, organizations } from '../directory/index.ts';
import type { TApplication } from './applications.contract.ts';
import { managesCalls } from './calls.policy.ts';
import { applications, calls } from './calls.tables.ts';
import type { Scoped } from './scope.ts';

export type ApplicationRow = typeof applications.$inferSelect;

export const userIdOf = (s: Scoped) => (s.ctx.actor.kind === 'user' ? s.ctx.actor.userId : '');

/**
 * Whether the signed-in person may act for the organisation: a person of the directory with the
 * account's e-mail address holds a current affiliation to it (staff may act for any organisation).
 */
export async function requireAffiliation(s: Scoped, organizationId: string, now: Date): Promise<void> {
  const [org] = await s.tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  if (!org) throw new AppError('organization_not_found', `no organisation ${organizationId}`);
  if (managesCalls(s.ctx.actor, s.territory.id)) return;
  const email = s.ctx.actor.kind === 'user' ? s.ctx.actor.email : '';
  const [link] = await currentOrganizationsOf(s.tx, email, instantToZoned(now, s.territory.timeZone).date, organizationId);
  if (!link) throw new AppError('not_affiliated', 'no current affiliation to this organisation');
}

/**
 * An application its applicant or staff may see (others get a 404, so ids reveal nothing).
 * `lock` takes the row lock that serialises submissions, revisions and decisions.
 */
export async function requireApplication(s: Scoped, id: string, opts: { lock?: boolean; staffOnly?: boolean } = {}) {
  const q = s.tx
    .select({ a: applications, call: calls, orgName: organizations.name })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.id, id))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: applications }) : await q;
  const staff = managesCalls(s.ctx.actor, s.territory.id);
  if (!row || (!staff && (opts.staffOnly || row.a.applicantId !== userIdOf(s))))
    throw new AppError('application_not_found', `no application ${id}`);
  return row;
}

export function toApplication(
  row: { a: ApplicationRow; call: { slug: string; titleFr: string; titleEn: string }; orgName: string },
  locale: 'fr' | 'en',
): TApplication {
  const { a } = row;
  return {
    id: a.id,
    callId: a.callId,
    callSlug: row.call.slug,
    callTitleFr: row.call.titleFr,
    callTitleEn: row.call.titleEn,
    organization: { id: a.organizationId, name: row.orgName },
    applicantId: a.applicantId,
    status: a.status as TApplication['status'],
    stageId: a.stageId,
    answers: a.answers,
    revision: a.revision,
    ineligibility: (a.ineligibility ?? []).map((r) => ({ code: r.code, message: r[locale] })),
    decisionReason: a.decisionReason,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Postgres' unique violation, through the driver's wrapping. */
export const isUniqueViolation = (e: unknown): boolean => sqlState(e) === '23505';
