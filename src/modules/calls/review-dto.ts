/** A review as its reviewer sees it: the summary until they declare no conflict, then the full file. */
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { organizations } from '../directory/index.ts';
import { applicationRevisions, applications, callStages, calls, reviews } from './calls.tables.ts';
import type { TReview } from './review.contract.ts';
import { reviewerAccess } from './reviewer-access.ts';
import type { Scoped } from './scope.ts';

export const selectReview = (s: Scoped) =>
  s.tx
    .select({ r: reviews, stage: callStages, a: applications, org: organizations.name, call: calls })
    .from(reviews)
    .innerJoin(callStages, eq(callStages.id, reviews.stageId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(calls, eq(calls.id, applications.callId));
export type ReviewJoin = Awaited<ReturnType<ReturnType<typeof selectReview>['where']>>[number];

/** The actor's own review (a 404 for anyone else's). */
export async function requireOwnReview(s: Scoped, id: string, lock = false): Promise<ReviewJoin> {
  const me = s.ctx.actor.kind === 'user' ? s.ctx.actor.userId : '';
  const q = selectReview(s)
    .where(and(eq(reviews.id, id), eq(reviews.reviewerId, me)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: reviews }) : await q;
  if (!row) throw new AppError('review_not_found', `no review ${id}`);
  return row;
}

/** Throws unless the reviewer may read the full file and score it. */
export async function requireFullAccess(s: Scoped, row: ReviewJoin, now: Date) {
  const access = await reviewerAccess(s, row.r.reviewerId, row.a.id, row.a.organizationId, now);
  if (access === 'summary') throw new AppError('declaration_required', 'declare first');
  if (access === 'none') throw new AppError('conflict_of_interest', 'conflict of interest');
}

export async function toReview(s: Scoped, row: ReviewJoin, now: Date): Promise<TReview> {
  const access = await reviewerAccess(s, row.r.reviewerId, row.a.id, row.a.organizationId, now);
  const full = access === 'full';
  const [latest] = full
    ? await s.tx
        .select()
        .from(applicationRevisions)
        .where(eq(applicationRevisions.applicationId, row.a.id))
        .orderBy(desc(applicationRevisions.revision))
        .limit(1)
    : [];
  return {
    id: row.r.id,
    stage: { id: row.stage.id, nameFr: row.stage.nameFr, nameEn: row.stage.nameEn, rubric: row.stage.rubric },
    application: { id: row.a.id, organizationName: row.org, callTitleFr: row.call.titleFr, callTitleEn: row.call.titleEn },
    access: full ? 'full' : 'summary',
    revision: row.a.revision,
    changed: latest?.changed ?? [],
    answers: full ? (latest?.answers ?? row.a.answers) : null,
    status: row.r.status as TReview['status'],
    scores: row.r.scores,
    comment: row.r.comment,
    recommendation: row.r.recommendation as TReview['recommendation'],
    submittedAt: row.r.submittedAt?.toISOString() ?? null,
  };
}
