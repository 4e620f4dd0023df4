import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { organizations } from '../directory/index.ts';
import { changedQuestions, checkAnswers, type TAnswers } from './answers.ts';
import { createApplicantOrganization } from './applicant-organization.ts';
import {
  type ApplicationRow,
  isUniqueViolation,
  requireAffiliation,
  requireApplication,
  toApplication,
  userIdOf,
} from './application-access.ts';
import type { TCreateApplicationRequest } from './applications.contract.ts';
import { type CallRow, isOpen } from './call-dto.ts';
import { requireCall } from './calls.service.ts';
import { applicationFiles, applicationRevisions, applications, calls } from './calls.tables.ts';
import { questionsOf } from './forms.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import { screenApplication } from './screening.ts';

/** Answers checked against the call's form; a 422 with every field's error otherwise. */
async function checked(s: Scoped, call: CallRow, applicationId: string | null, answers: TAnswers, submit: boolean) {
  const result = checkAnswers(call.form, answers, { themes: call.themes, submit });
  const files = questionsOf(call.form).filter((q) => q.type === 'file' && result.answers[q.id] !== undefined);
  for (const q of files) {
    const [file] = applicationId
      ? await s.tx
          .select({ id: applicationFiles.id })
          .from(applicationFiles)
          .where(
            and(
              eq(applicationFiles.id, result.answers[q.id] as string),
              eq(applicationFiles.applicationId, applicationId),
              eq(applicationFiles.questionId, q.id),
            ),
          )
      : [];
    if (!file) result.errors.push({ path: `answers.${q.id}`, code: 'file', fr: 'Fichier introuvable.', en: 'File not found.' });
  }
  if (result.errors.length) {
    const errors = result.errors.map((e) => ({ path: e.path, code: e.code, message: e[s.ctx.locale] }));
    throw new AppError('validation_failed', 'some answers are invalid', { errors });
  }
  return result.answers;
}

function requireOpen(call: CallRow, now: Date) {
  if (!isOpen(call, now)) throw new AppError('call_not_open', 'the call is not accepting applications');
}

/** Freezes the current answers as the next revision and screens them: `submitted` or `ineligible`. */
async function freeze(s: Scoped, call: CallRow, a: ApplicationRow, answers: TAnswers, now: Date) {
  const [previous] = await s.tx
    .select()
    .from(applicationRevisions)
    .where(eq(applicationRevisions.applicationId, a.id))
    .orderBy(desc(applicationRevisions.revision))
    .limit(1);
  const revision = a.revision + 1;
  const changed = previous ? changedQuestions(previous.answers, answers) : [];
  await s.tx
    .insert(applicationRevisions)
    .values({ territoryId: s.territory.id, applicationId: a.id, revision, answers, changed, submittedAt: now });
  const reasons = await screenApplication(s, call, { ...a, answers }, now);
  const status = reasons.length ? 'ineligible' : 'submitted';
  const [after] = await s.tx
    .update(applications)
    .set({ answers, revision, status, ineligibility: reasons, submittedAt: a.submittedAt ?? now, updatedAt: now })
    .where(eq(applications.id, a.id))
    .returning();
  await record(s, revision === 1 ? 'application.submit' : 'application.revise', 'application', a.id, {
    before: { status: a.status, revision: a.revision },
    after: { status, revision, changed, ineligibility: reasons.map((r) => r.code) },
  });
  return after as ApplicationRow;
}

/** Applications: drafts, submission with screening, revisions until the deadline, withdrawal. */
export function createApplicationsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const view = async (s: Scoped, id: string) => toApplication(await requireApplication(s, id), s.ctx.locale);
  return {
    create(ctx: Ctx, slug: string, callRef: string, input: TCreateApplicationRequest) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const now = clock.now();
        const call = await requireCall(s, callRef);
        requireOpen(call, now);
        if ('organizationId' in input) await requireAffiliation(s, input.organizationId, now);
        const answers = await checked(s, call, null, input.answers, false);
        const organizationId =
          'organizationId' in input ? input.organizationId : await createApplicantOrganization(s, input.newOrganization, now);
        const values = { territoryId: s.territory.id, callId: call.id, organizationId, answers };
        const row = await s.tx
          .insert(applications)
          .values({ ...values, applicantId: userIdOf(s), locale: ctx.locale })
          .returning()
          .catch((e: unknown) => {
            throw isUniqueViolation(e) ? new AppError('application_exists', 'one application per organisation and call') : e;
          });
        const created = row[0] as ApplicationRow;
        await record(s, 'application.create', 'application', created.id, { after: created });
        return view(s, created.id);
      });
    },

    get(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'calls.apply', (s) => view(s, id));
    },

    /** Saves a draft; once submitted, an edit before the deadline is checked in full and frozen as the next revision. */
    saveAnswers(ctx: Ctx, slug: string, id: string, input: TAnswers) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const now = clock.now();
        const { a, call } = await requireApplication(s, id, { lock: true });
        if (!['draft', 'submitted', 'ineligible'].includes(a.status))
          throw new AppError('application_locked', `application is ${a.status}`);
        requireOpen(call, now);
        if (a.status !== 'draft') {
          await freeze(s, call, a, await checked(s, call, a.id, input, true), now);
          return view(s, id);
        }
        const answers = await checked(s, call, a.id, input, false);
        await s.tx.update(applications).set({ answers, updatedAt: now }).where(eq(applications.id, id));
        await record(s, 'application.save', 'application', id, { before: { answers: a.answers }, after: { answers } });
        return view(s, id);
      });
    },

    submit(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const now = clock.now();
        const { a, call } = await requireApplication(s, id, { lock: true });
        if (a.status !== 'draft') throw new AppError('application_locked', `application is ${a.status}`);
        requireOpen(call, now);
        await freeze(s, call, a, await checked(s, call, a.id, a.answers, true), now);
        return view(s, id);
      });
    },

    withdraw(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const now = clock.now();
        const { a, call } = await requireApplication(s, id, { lock: true });
        if (!['draft', 'submitted', 'ineligible'].includes(a.status))
          throw new AppError('application_locked', `application is ${a.status}`);
        requireOpen(call, now);
        await s.tx.update(applications).set({ status: 'withdrawn', updatedAt: now }).where(eq(applications.id, id));
        await record(s, 'application.withdraw', 'application', id, { before: { status: a.status }, after: { status: 'withdrawn' } });
        return view(s, id);
      });
    },

    revisions(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        await requireApplication(s, id);
        const rows = await s.tx
          .select()
          .from(applicationRevisions)
          .where(eq(applicationRevisions.applicationId, id))
          .orderBy(asc(applicationRevisions.revision));
        return {
          items: rows.map((r) => ({
            revision: r.revision,
            answers: r.answers,
            changed: r.changed,
            submittedAt: r.submittedAt.toISOString(),
          })),
        };
      });
    },

    /** The signed-in person's applications in the territory. */
    mine(ctx: Ctx, slug: string, page: { page: number; pageSize: number }) {
      return inTerritory(database, ctx, slug, 'calls.apply', (s) => listWhere(s, eq(applications.applicantId, userIdOf(s)), page));
    },

    /** A call's applications, for staff. */
    forCall(ctx: Ctx, slug: string, callRef: string, q: { page: number; pageSize: number; status?: string | undefined }) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const call = await requireCall(s, callRef);
        const where = and(eq(applications.callId, call.id), q.status ? eq(applications.status, q.status) : undefined);
        return listWhere(s, where, q);
      });
    },
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;

/** One page of applications with their call and organisation, in one query (the caller's `where` already scopes who may see them). */
async function listWhere(s: Scoped, where: ReturnType<typeof and>, { page, pageSize }: { page: number; pageSize: number }) {
  const rows = await s.tx
    .select({ a: applications, call: { slug: calls.slug, titleFr: calls.titleFr, titleEn: calls.titleEn }, orgName: organizations.name })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(where)
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await s.tx.select({ n: count() }).from(applications).where(where);
  return { items: rows.map((r) => toApplication(r, s.ctx.locale)), total: total?.n ?? 0, page, pageSize };
}
