import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { newSecret, sha256 } from '../../platform/auth/secrets.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { addDays, todayIn } from '../../platform/time/index.ts';
import { organizations, recordOrganizationFigure } from '../directory/index.ts';
import { territories } from '../territories/index.ts';
import type { TKpiStatusQuery, TSubmitKpiRequest } from './kpi.contract.ts';
import { type KpiMailKind, mailKpi, representativesOf } from './kpi-mail.ts';
import { kpiRequests, programmeEnrolments, programmes } from './programmes.tables.ts';
import { found, inTerritory, record, type Scoped } from './scope.ts';

/** Days after the request when unanswered companies are reminded, once each. */
export const reminderDays = [7, 14] as const;

type Pending = { request: typeof kpiRequests.$inferSelect; enrolment: typeof programmeEnrolments.$inferSelect };

/** The first local day of the month holding `today`. */
const monthOf = (today: string) => `${today.slice(0, 7)}-01`;

/** Sends (or reminds of) one request: a fresh link secret, kept as its SHA-256 beside the earlier ones. */
async function send(s: Scoped, deps: Pick<Deps, 'mailer' | 'config'>, p: Pending, kind: KpiMailKind, today: string) {
  const token = newSecret();
  await s.tx
    .update(kpiRequests)
    .set({ tokenHashes: sql`array_append(${kpiRequests.tokenHashes}, ${sha256(token)})` })
    .where(eq(kpiRequests.id, p.request.id));
  const [org] = await s.tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, p.enrolment.organizationId));
  const [prog] = await s.tx.select().from(programmes).where(eq(programmes.id, p.enrolment.programmeId));
  const link = `${deps.config.publicUrl}/t/${s.territory.slug}/indicateurs/${token}`;
  const recipients = await representativesOf(s.tx, p.enrolment.organizationId, today);
  await mailKpi(s.tx, deps.mailer, recipients, {
    kind,
    organization: org?.name ?? '',
    programme: { fr: prog?.nameFr ?? '', en: prog?.nameEn ?? '' },
    period: p.request.period,
    link,
  });
}

/** Creates this month's requests of a territory (once per enrolment and month) and sends the reminders due. */
async function runTerritory(s: Scoped, deps: Pick<Deps, 'mailer' | 'config'>, now: Date) {
  const today = todayIn(s.territory.timeZone, now);
  const period = monthOf(today);
  const created = await s.tx.execute<{ id: string }>(sql`
    INSERT INTO kpi_requests (territory_id, enrolment_id, period, sent_at)
    SELECT territory_id, id, ${period}::date, ${now.toISOString()}::timestamptz FROM programme_enrolments
    WHERE status = 'active' AND entered_on <= ${period}::date
    ON CONFLICT (enrolment_id, period) DO NOTHING
    RETURNING id`);
  const ids = (created as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const pending = await s.tx
    .select({ request: kpiRequests, enrolment: programmeEnrolments })
    .from(kpiRequests)
    .innerJoin(programmeEnrolments, eq(programmeEnrolments.id, kpiRequests.enrolmentId))
    .where(isNull(kpiRequests.answeredAt))
    .orderBy(asc(kpiRequests.sentAt));
  let reminded = 0;
  for (const p of pending) {
    if (ids.includes(p.request.id)) {
      await send(s, deps, p, 'request', today);
      await record(s, 'kpi_request.create', 'kpi_request', p.request.id, { after: { period, enrolmentId: p.enrolment.id } });
      continue;
    }
    const due = reminderDays[p.request.remindersSent];
    if (due === undefined || addDays(todayIn(s.territory.timeZone, p.request.sentAt), due) > today) continue;
    await send(s, deps, p, 'reminder', today);
    await s.tx
      .update(kpiRequests)
      .set({ remindersSent: p.request.remindersSent + 1, lastRemindedAt: now })
      .where(eq(kpiRequests.id, p.request.id));
    reminded++;
  }
  return { created: ids.length, reminded };
}

/** A request with its enrolment, organisation name and programme. */
const joined = (s: Scoped) =>
  s.tx
    .select({ request: kpiRequests, enrolment: programmeEnrolments, organization: organizations.name, programme: programmes })
    .from(kpiRequests)
    .innerJoin(programmeEnrolments, eq(programmeEnrolments.id, kpiRequests.enrolmentId))
    .innerJoin(organizations, eq(organizations.id, programmeEnrolments.organizationId))
    .innerJoin(programmes, eq(programmes.id, programmeEnrolments.programmeId));
type Joined = Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number];

async function byToken(s: Scoped, token: string): Promise<Joined> {
  const [row] = await joined(s).where(sql`${sha256(token)} = ANY(${kpiRequests.tokenHashes})`);
  if (!row) throw new AppError('token_invalid', 'unknown link');
  return row;
}

/** Answers a request once (409 after), audited, and dates the figures in the directory. */
async function answer(s: Scoped, r: Joined, input: TSubmitKpiRequest, now: Date) {
  const [after] = await s.tx
    .update(kpiRequests)
    .set({ ...input, revenueBand: input.revenueBand ?? null, keyFacts: input.keyFacts ?? null, answeredAt: now })
    .where(and(eq(kpiRequests.id, r.request.id), isNull(kpiRequests.answeredAt)))
    .returning();
  if (!after) throw new AppError('kpi_already_answered', 'already answered');
  await record(s, 'kpi_request.answer', 'kpi_request', after.id, { before: { answeredAt: null }, after: input });
  const asOf = todayIn(s.territory.timeZone, now);
  const source = `programme ${r.programme.slug}, ${r.request.period.slice(0, 7)}`;
  const org = r.enrolment.organizationId;
  await recordOrganizationFigure(s, org, { metric: 'headcount', value: input.headcount, asOf, source });
  await recordOrganizationFigure(s, org, { metric: 'funds_raised', value: input.fundsRaisedCents, asOf, source });
  if (input.revenueBand) await recordOrganizationFigure(s, org, { metric: 'revenue_band', band: input.revenueBand, asOf, source });
  return {
    organization: r.organization,
    programmeFr: r.programme.nameFr,
    programmeEn: r.programme.nameEn,
    period: after.period,
    answeredAt: now.toISOString(),
  };
}

/** Monthly KPI requests: the job that asks and reminds, the company's answer by link, and the staff's view of who answered. */
export function createKpiService({ database, clock, mailer, config }: Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>) {
  const system: Ctx = { actor: systemActor, locale: 'fr', requestId: 'kpi-job' };
  return {
    /**
     * For the periodic job: in every territory, creates the month's request of each enrolment
     * active since the month's first local day and e-mails it, then sends the reminders due after
     * 7 and 14 days. Idempotent: a unique key per enrolment and month, and one reminder of each.
     */
    async runMonthly(): Promise<{ created: number; reminded: number }> {
      const now = clock.now();
      const all = await database.transaction({ system: true }, (tx) => tx.select({ slug: territories.slug }).from(territories));
      const total = { created: 0, reminded: 0 };
      for (const { slug } of all) {
        const r = await inTerritory(database, system, slug, 'programmes.manage', (s) => runTerritory(s, { mailer, config }, now));
        total.created += r.created;
        total.reminded += r.reminded;
      }
      if (total.created || total.reminded) await mailer.flush().catch(() => 0);
      return total;
    },

    form(ctx: Ctx, slug: string, token: string) {
      return inTerritory(database, ctx, slug, 'programmes.kpi_answer', async (s) => {
        const r = await byToken(s, token);
        return {
          organization: r.organization,
          programmeFr: r.programme.nameFr,
          programmeEn: r.programme.nameEn,
          period: r.request.period,
          answeredAt: r.request.answeredAt?.toISOString() ?? null,
        };
      });
    },

    /** The company's answer, once; its figures are also dated in the directory. */
    submit(ctx: Ctx, slug: string, token: string, input: TSubmitKpiRequest) {
      return inTerritory(database, ctx, slug, 'programmes.kpi_answer', async (s) => answer(s, await byToken(s, token), input, clock.now()));
    },

    /** Staff record the figures a company gave them another way (a call, a meeting), for a month already asked. */
    recordForCompany(ctx: Ctx, slug: string, enrolmentId: string, month: string, input: TSubmitKpiRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const [row] = await joined(s)
          .where(and(eq(kpiRequests.enrolmentId, enrolmentId), eq(kpiRequests.period, `${month}-01`)))
          .limit(1);
        return answer(s, found(row, 'not_found', `KPI request of ${month}`), input, clock.now());
      });
    },

    /** A programme's requests of one month: who answered, who was reminded, who has not answered. */
    status(ctx: Ctx, slug: string, programmeId: string, q: TKpiStatusQuery) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const [p] = await s.tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
        found(p, 'programme_not_found', `programme ${programmeId}`);
        const period = q.month ? `${q.month}-01` : monthOf(todayIn(s.territory.timeZone, clock.now()));
        const answered =
          q.answered === undefined ? undefined : q.answered === 'true' ? isNotNull(kpiRequests.answeredAt) : isNull(kpiRequests.answeredAt);
        const where = and(eq(programmeEnrolments.programmeId, programmeId), eq(kpiRequests.period, period), answered);
        const rows = await s.tx
          .select({ k: kpiRequests, orgId: organizations.id, orgName: organizations.name })
          .from(kpiRequests)
          .innerJoin(programmeEnrolments, eq(programmeEnrolments.id, kpiRequests.enrolmentId))
          .innerJoin(organizations, eq(organizations.id, programmeEnrolments.organizationId))
          .where(where)
          .orderBy(asc(organizations.name))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        const [total] = await s.tx
          .select({ n: count() })
          .from(kpiRequests)
          .innerJoin(programmeEnrolments, eq(programmeEnrolments.id, kpiRequests.enrolmentId))
          .where(where);
        const items = rows.map(({ k, orgId, orgName }) => ({
          enrolmentId: k.enrolmentId,
          organization: { id: orgId, name: orgName },
          period: k.period,
          sentAt: k.sentAt.toISOString(),
          remindersSent: k.remindersSent,
          answeredAt: k.answeredAt?.toISOString() ?? null,
          headcount: k.headcount,
          fundsRaisedCents: k.fundsRaisedCents,
        }));
        return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
      });
    },
  };
}

export type KpiService = ReturnType<typeof createKpiService>;
