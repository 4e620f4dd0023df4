import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { admitToProgramme } from '../programmes/index.ts';
import { requireApplication, toApplication } from './application-access.ts';
import type { TDecisionRequest, TDecisionResult } from './applications.contract.ts';
import { applications, reviewReminders, reviews } from './calls.tables.ts';
import { decisionMail, reminderMail } from './decision-mail.ts';
import { spread, weightedMean } from './ranking.ts';
import { inTerritory, record } from './scope.ts';
import { requireStage } from './stages.service.ts';

const decidable = ['submitted', 'selected', 'waitlisted', 'rejected'];

/** Staff's side of a stage and a call: ranking, reminders, decisions. */
export function createDecisionsService({ database, clock, mailer, config }: Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>) {
  return {
    /** The stage's applications ranked by the mean of their submitted reviews, with the spread and what is missing. */
    ranking(ctx: Ctx, slug: string, stageId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        const apps = await s.tx
          .select({ id: applications.id, name: organizations.name, revision: applications.revision })
          .from(applications)
          .innerJoin(organizations, eq(organizations.id, applications.organizationId))
          .where(eq(applications.stageId, stageId));
        const rows = await s.tx.select().from(reviews).where(eq(reviews.stageId, stageId));
        const items = apps.map((a) => {
          const done = rows.filter((r) => r.applicationId === a.id && r.status === 'submitted');
          const marks = done.map((r) => weightedMean(stage.rubric, r.scores)).filter((m) => m !== null);
          const count = (v: string) => done.filter((r) => r.recommendation === v).length;
          return {
            applicationId: a.id,
            organizationName: a.name,
            revision: a.revision,
            ...spread(marks),
            submitted: done.length,
            missing: Math.max(stage.reviewsWanted, rows.filter((r) => r.applicationId === a.id).length) - done.length,
            recommendations: { yes: count('yes'), maybe: count('maybe'), no: count('no') },
          };
        });
        items.sort((x, y) => (y.score ?? -1) - (x.score ?? -1) || x.organizationName.localeCompare(y.organizationName));
        return { items };
      });
    },

    /** E-mails reviewers with unsubmitted reviews in the stage, at most once per reviewer and stage every 24 hours. */
    async remind(ctx: Ctx, slug: string, stageId: string) {
      const result = await inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        const now = clock.now();
        const pending = await s.tx
          .select({ reviewerId: reviews.reviewerId, email: users.email, locale: users.locale, n: sql<number>`count(*)::int` })
          .from(reviews)
          .innerJoin(users, eq(users.id, reviews.reviewerId))
          .where(and(eq(reviews.stageId, stageId), ne(reviews.status, 'submitted')))
          .groupBy(reviews.reviewerId, users.email, users.locale);
        const reminded: string[] = [];
        const skipped: string[] = [];
        for (const p of pending) {
          // One statement decides: a concurrent reminder either sees this row's new time or is refused.
          const [won] = await s.tx
            .insert(reviewReminders)
            .values({ territoryId: s.territory.id, stageId, reviewerId: p.reviewerId, sentAt: now })
            .onConflictDoUpdate({
              target: [reviewReminders.stageId, reviewReminders.reviewerId],
              set: { sentAt: now },
              setWhere: lt(reviewReminders.sentAt, new Date(now.getTime() - 24 * 3600_000)),
            })
            .returning({ id: reviewReminders.reviewerId });
          if (!won) {
            skipped.push(p.reviewerId);
            continue;
          }
          reminded.push(p.reviewerId);
          const locale = p.locale === 'en' ? 'en' : 'fr';
          const url = `${config.publicUrl}/t/${slug}/evaluations`;
          await mailer.enqueue(
            s.tx,
            reminderMail(p.email, locale, {
              stage: locale === 'en' ? stage.nameEn : stage.nameFr,
              missing: p.n,
              territory: s.territory.name,
              url,
            }),
          );
          await record(s, 'review.remind', 'call_stage', stageId, { after: { reviewerId: p.reviewerId, missing: p.n } });
        }
        if (!reminded.length && skipped.length)
          throw new AppError('reminder_too_soon', 'every reviewer was reminded less than 24 hours ago');
        return { reminded, skipped };
      });
      void mailer.flush();
      return result;
    },

    /** Selected, waitlisted or rejected, with a reason, e-mailed to the applicant in their language. */
    async decide(ctx: Ctx, slug: string, applicationId: string, input: TDecisionRequest): Promise<TDecisionResult> {
      const result = await inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const row = await requireApplication(s, applicationId, { lock: true, staffOnly: true });
        if (!decidable.includes(row.a.status)) throw new AppError('application_locked', `a ${row.a.status} application cannot be decided`);
        const now = clock.now();
        await s.tx
          .update(applications)
          .set({ status: input.decision, decisionReason: input.reason, decidedAt: now, updatedAt: now })
          .where(eq(applications.id, applicationId));
        // A first selection for a call that leads to a programme admits the organisation there, in the
        // same transaction: admitted while the programme's cap allows, otherwise waitlisted.
        const admission =
          input.decision === 'selected' && row.a.status !== 'selected' && row.call.programmeId
            ? await admitToProgramme(s.tx, {
                territoryId: s.territory.id,
                programmeId: row.call.programmeId,
                cohortId: input.cohortId,
                organizationId: row.a.organizationId,
                source: { kind: 'application', id: applicationId },
                actorId: actorId(ctx.actor),
                now,
              }).then((a) => ({ programmeId: row.call.programmeId as string, status: a.status, position: a.position }))
            : null;
        const [applicant] = await s.tx.select({ email: users.email }).from(users).where(eq(users.id, row.a.applicantId));
        const locale = row.a.locale === 'en' ? 'en' : 'fr';
        if (applicant)
          await mailer.enqueue(
            s.tx,
            decisionMail(applicant.email, locale, input.decision, {
              callTitle: locale === 'en' ? row.call.titleEn : row.call.titleFr,
              organization: row.orgName,
              reason: input.reason,
              territory: s.territory.name,
            }),
          );
        await record(s, 'application.decide', 'application', applicationId, {
          before: { status: row.a.status },
          after: { status: input.decision, reason: input.reason },
        });
        return { ...toApplication(await requireApplication(s, applicationId), ctx.locale), admission };
      });
      void mailer.flush();
      return result;
    },
  };
}
export type DecisionsService = ReturnType<typeof createDecisionsService>;
