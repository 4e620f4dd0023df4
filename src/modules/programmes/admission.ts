import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { todayIn, toPlainDate } from '../../platform/time/index.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { territories } from '../territories/index.ts';
import { programmeCohorts, programmeEnrolments, programmes } from './programmes.tables.ts';
import { sqlState } from './scope.ts';

/** What `admitToProgramme` needs: the territory and programme, who enters, why, and who decided. */
export type TAdmitInput = {
  territoryId: string;
  programmeId: string;
  /** Required by programmes entered by cohorts, refused by continuous ones. */
  cohortId?: string | null | undefined;
  organizationId: string;
  /** Where the admission comes from: a selected application of a call, or a staff decision. */
  source: { kind: 'application' | 'staff'; id?: string | undefined };
  /** The account that decided (recorded in the audit log); null for the system. */
  actorId: string | null;
  /** The instant of the decision, from the caller's clock (entry date in the territory's zone). */
  now?: Date | undefined;
};

/** Admitted (a seat was free) or waitlisted at `position` (1 is the head of the list). */
export type TAdmission = { enrolmentId: string; status: 'active' | 'waitlisted'; position?: number };

type ProgrammeRow = typeof programmes.$inferSelect;
type CohortRow = typeof programmeCohorts.$inferSelect;

const invalid = (path: string, code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ path: `body.${path}`, code, message }] });

/** Locks the programme's row: admissions, promotions and exits of one programme run one at a time. */
export async function lockProgramme(tx: Db, territoryId: string, programmeId: string): Promise<ProgrammeRow> {
  const [row] = await tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.territoryId, territoryId)))
    .for('update');
  if (!row) throw new AppError('programme_not_found', `no programme ${programmeId}`);
  return row;
}

async function cohortOf(tx: Db, programme: ProgrammeRow, cohortId: string | null | undefined): Promise<CohortRow | null> {
  if (programme.entry === 'continuous') {
    if (cohortId) throw invalid('cohortId', 'not_allowed', 'this programme is continuous: it has no cohorts');
    return null;
  }
  if (!cohortId) throw invalid('cohortId', 'required', 'this programme is entered by cohorts: name the cohort');
  const [cohort] = await tx
    .select()
    .from(programmeCohorts)
    .where(and(eq(programmeCohorts.id, cohortId), eq(programmeCohorts.programmeId, programme.id)));
  if (!cohort) throw new AppError('cohort_not_found', `no cohort ${cohortId} in this programme`);
  return cohort;
}

/** Whether one more active enrolment fits the programme's cap and, when it has one, the cohort's. */
export async function seatFree(tx: Db, programme: ProgrammeRow, cohort: CohortRow | null): Promise<boolean> {
  const active = (where: ReturnType<typeof eq>) =>
    tx
      .select({ n: count() })
      .from(programmeEnrolments)
      .where(and(where, eq(programmeEnrolments.status, 'active')))
      .then((r) => Number(r[0]?.n ?? 0));
  if (programme.cap !== null && (await active(eq(programmeEnrolments.programmeId, programme.id))) >= programme.cap) return false;
  if (cohort?.cap != null && (await active(eq(programmeEnrolments.cohortId, cohort.id))) >= cohort.cap) return false;
  return true;
}

/** The local entry date and the expected end: the cohort's end, or the programme's default duration. */
export async function entryDates(tx: Db, programme: ProgrammeRow, cohort: CohortRow | null, now: Date) {
  const [territory] = await tx.select({ zone: territories.timeZone }).from(territories).where(eq(territories.id, programme.territoryId));
  const enteredOn = todayIn(territory?.zone ?? 'Europe/Paris', now);
  const expectedEndOn = cohort
    ? cohort.endsOn
    : programme.defaultDurationMonths
      ? toPlainDate(enteredOn).add({ months: programme.defaultDurationMonths }).toString()
      : null;
  return { enteredOn, expectedEndOn };
}

async function auditAdmission(tx: Db, input: TAdmitInput, enrolment: typeof programmeEnrolments.$inferSelect): Promise<void> {
  const [account] = input.actorId ? await tx.select({ email: users.email }).from(users).where(eq(users.id, input.actorId)) : [];
  await tx.insert(auditLog).values({
    territoryId: input.territoryId,
    actorId: input.actorId,
    actorLabel: account?.email ?? 'system@totem.local',
    action: enrolment.status === 'active' ? 'programme_enrolment.admit' : 'programme_enrolment.waitlist',
    entity: 'programme_enrolment',
    entityId: enrolment.id,
    before: null,
    after: { ...enrolment, createdAt: enrolment.createdAt.toISOString(), updatedAt: enrolment.updatedAt.toISOString() },
  });
}

/**
 * Admits an organisation to a programme inside the caller's transaction (a call's selection, or a
 * staff decision): active while the programme's cap (and the cohort's) allows, otherwise waitlisted
 * at the next position. The programme's row is locked for the rest of the caller's transaction, so
 * concurrent admissions are decided one after the other; the trigger `programme_enrolments_cap`
 * refuses, whatever the caller does, an active enrolment beyond a cap.
 *
 * Throws `AppError`: `programme_not_found`, `cohort_not_found`, `organization_not_found`,
 * `already_in_programme` (already active or waitlisted there), `validation_failed` (a cohort missing
 * for a programme by cohorts, or given for a continuous one).
 */
export async function admitToProgramme(tx: Db, input: TAdmitInput): Promise<TAdmission> {
  await enterTerritory(tx, input.territoryId);
  const programme = await lockProgramme(tx, input.territoryId, input.programmeId);
  const cohort = await cohortOf(tx, programme, input.cohortId);
  const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId));
  if (!org) throw new AppError('organization_not_found', `no organisation ${input.organizationId}`);
  const [current] = await tx
    .select({ id: programmeEnrolments.id })
    .from(programmeEnrolments)
    .where(
      and(
        eq(programmeEnrolments.programmeId, programme.id),
        eq(programmeEnrolments.organizationId, org.id),
        inArray(programmeEnrolments.status, ['active', 'waitlisted']),
      ),
    );
  if (current) throw new AppError('already_in_programme', 'already active or waitlisted in this programme');

  const base = {
    territoryId: input.territoryId,
    programmeId: programme.id,
    cohortId: cohort?.id ?? null,
    organizationId: org.id,
    sourceKind: input.source.kind,
    sourceId: input.source.id ?? null,
  };
  const values = (await seatFree(tx, programme, cohort))
    ? { ...base, status: 'active', ...(await entryDates(tx, programme, cohort, input.now ?? new Date())) }
    : { ...base, status: 'waitlisted', waitlistPosition: (await lastPosition(tx, programme.id)) + 1 };
  const row = await insertEnrolment(tx, values);
  await auditAdmission(tx, input, row);
  return row.status === 'active'
    ? { enrolmentId: row.id, status: 'active' }
    : { enrolmentId: row.id, status: 'waitlisted', position: row.waitlistPosition ?? 0 };
}

async function lastPosition(tx: Db, programmeId: string): Promise<number> {
  const [r] = await tx
    .select({ last: max(programmeEnrolments.waitlistPosition) })
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.programmeId, programmeId), eq(programmeEnrolments.status, 'waitlisted')));
  return r?.last ?? 0;
}

async function insertEnrolment(tx: Db, values: typeof programmeEnrolments.$inferInsert) {
  try {
    const [row] = await tx.insert(programmeEnrolments).values(values).returning();
    if (!row) throw new AppError('internal');
    return row;
  } catch (err) {
    throw mapEnrolmentError(err);
  }
}

/** The cap trigger (23P01) and the one-current-enrolment key (23505) as the module's 409s. */
export function mapEnrolmentError(err: unknown): unknown {
  const state = sqlState(err);
  if (state === '23P01') return new AppError('programme_full', 'no seat left in this programme or cohort');
  if (state === '23505') return new AppError('already_in_programme', 'already active or waitlisted in this programme');
  return err;
}

/** The waitlist in order, with each entry's cohort, for promotion. */
export function waitlistOf(tx: Db, programmeId: string) {
  return tx
    .select()
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.programmeId, programmeId), eq(programmeEnrolments.status, 'waitlisted')))
    .orderBy(asc(programmeEnrolments.waitlistPosition))
    .then((rows) => rows);
}
