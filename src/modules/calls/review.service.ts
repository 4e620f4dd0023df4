import { and, asc, eq, ne } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inSeries } from '../../platform/db/in-series.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { userIdOf } from './application-access.ts';
import { conflictDeclarations, reviews } from './calls.tables.ts';
import type { TRubric } from './forms.ts';
import type { TDeclarationRequest, TSaveReviewRequest } from './review.contract.ts';
import { requireFullAccess, requireOwnReview, selectReview, toReview } from './review-dto.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/** Scores within each criterion's scale, for the rubric's criteria only; all of them when submitting. */
function checkScores(rubric: TRubric, scores: Record<string, number>, complete: boolean, s: Scoped) {
  const errors: Array<{ path: string; code: string; message: string }> = [];
  for (const [id, v] of Object.entries(scores)) {
    const c = rubric.criteria.find((x) => x.id === id);
    if (!c)
      errors.push({
        path: `scores.${id}`,
        code: 'unknown_criterion',
        message: s.ctx.locale === 'fr' ? 'Critère inconnu.' : 'Unknown criterion.',
      });
    else if (v < c.min || v > c.max)
      errors.push({
        path: `scores.${id}`,
        code: 'out_of_scale',
        message: s.ctx.locale === 'fr' ? `Entre ${c.min} et ${c.max}.` : `Between ${c.min} and ${c.max}.`,
      });
  }
  if (complete)
    for (const c of rubric.criteria)
      if (scores[c.id] === undefined)
        errors.push({ path: `scores.${c.id}`, code: 'required', message: s.ctx.locale === 'fr' ? 'Note manquante.' : 'Missing score.' });
  if (errors.length) throw new AppError('validation_failed', 'invalid scores', { errors });
}

/** Reviewers' side: declarations of conflicts of interest, their queue, saving and submitting reviews. */
export function createReviewService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** Declares no conflict (opening the full file) or a typed conflict (ending the reviewer's unsubmitted reviews of it). */
    declare(ctx: Ctx, slug: string, reviewId: string, input: TDeclarationRequest) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => {
        const row = await requireOwnReview(s, reviewId);
        const me = userIdOf(s);
        const values = {
          territoryId: s.territory.id,
          applicationId: row.a.id,
          reviewerId: me,
          kind: input.conflict ? input.kind : null,
          comment: input.conflict ? input.comment : null,
          declaredAt: clock.now(),
        };
        await s.tx
          .insert(conflictDeclarations)
          .values(values)
          .onConflictDoUpdate({ target: [conflictDeclarations.applicationId, conflictDeclarations.reviewerId], set: values });
        if (input.conflict)
          await s.tx
            .delete(reviews)
            .where(and(eq(reviews.applicationId, row.a.id), eq(reviews.reviewerId, me), ne(reviews.status, 'submitted')));
        await record(s, 'review.declare', 'application', row.a.id, {
          after: { reviewerId: me, kind: values.kind, comment: values.comment },
        });
        return { applicationId: row.a.id, conflict: input.conflict, kind: values.kind as never, comment: values.comment };
      });
    },

    queue(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => {
        const rows = await selectReview(s)
          .where(eq(reviews.reviewerId, userIdOf(s)))
          .orderBy(asc(reviews.status), asc(reviews.createdAt));
        const now = clock.now();
        return { items: await inSeries(rows, (r) => toReview(s, r, now)) };
      });
    },

    get(ctx: Ctx, slug: string, reviewId: string) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => toReview(s, await requireOwnReview(s, reviewId), clock.now()));
    },

    save(ctx: Ctx, slug: string, reviewId: string, input: TSaveReviewRequest) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => {
        const now = clock.now();
        const row = await requireOwnReview(s, reviewId, true);
        if (row.r.status === 'submitted') throw new AppError('review_locked', 'already submitted');
        await requireFullAccess(s, row, now);
        checkScores(row.stage.rubric, input.scores, false, s);
        await s.tx
          .update(reviews)
          .set({ ...input, status: 'draft', updatedAt: now })
          .where(eq(reviews.id, reviewId));
        await record(s, 'review.save', 'review', reviewId, { before: { scores: row.r.scores }, after: input });
        return toReview(s, await requireOwnReview(s, reviewId), now);
      });
    },

    submit(ctx: Ctx, slug: string, reviewId: string) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => {
        const now = clock.now();
        const row = await requireOwnReview(s, reviewId, true);
        if (row.r.status === 'submitted') throw new AppError('review_locked', 'already submitted');
        await requireFullAccess(s, row, now);
        checkScores(row.stage.rubric, row.r.scores, true, s);
        if (!row.r.recommendation)
          throw new AppError('validation_failed', 'a recommendation is required', {
            errors: [
              {
                path: 'recommendation',
                code: 'required',
                message: ctx.locale === 'fr' ? 'Recommandation manquante.' : 'Missing recommendation.',
              },
            ],
          });
        await s.tx.update(reviews).set({ status: 'submitted', submittedAt: now, updatedAt: now }).where(eq(reviews.id, reviewId));
        await record(s, 'review.submit', 'review', reviewId, { after: { scores: row.r.scores, recommendation: row.r.recommendation } });
        return toReview(s, await requireOwnReview(s, reviewId), now);
      });
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
