import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from '../../platform/db/columns.ts';
import { organizations, people, revenueBands } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { territories, territoryThemes } from '../territories/index.ts';
import {
  enrolmentSources,
  enrolmentStatuses,
  exitReasons,
  milestoneStatuses,
  programmeEntries,
  programmeKinds,
  supporterRoles,
} from './programmes.values.ts';

const territoryId = () =>
  uuid('territory_id')
    .notNull()
    .references(() => territories.id, { onDelete: 'cascade' });

/**
 * An accompaniment programme (incubation, acceleration…). `cap` bounds the enrolments active at
 * once (null: no cap); the trigger `programme_enrolments_cap` enforces it. Tenant-owned.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    slug: text('slug').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    kind: text('kind').notNull(),
    entry: text('entry').notNull(),
    defaultDurationMonths: integer('default_duration_months'),
    cap: integer('cap'),
    isPublished: boolean('is_published').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programmes_slug_key').on(t.territoryId, t.slug),
    check('programmes_kind_check', sql`${t.kind} IN (${inList(programmeKinds)})`),
    check('programmes_entry_check', sql`${t.entry} IN (${inList(programmeEntries)})`),
    check('programmes_cap_check', sql`${t.cap} BETWEEN 1 AND 100000`),
    check('programmes_duration_check', sql`${t.defaultDurationMonths} BETWEEN 1 AND 120`),
  ],
);

/** The territory's themes a programme works on. */
export const programmeThemes = pgTable(
  'programme_themes',
  {
    territoryId: territoryId(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => territoryThemes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.themeId] })],
);

/** A cohort (promotion) of a programme: local dates, both included, and an optional cap of its own. */
export const programmeCohorts = pgTable(
  'programme_cohorts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    cap: integer('cap'),
    createdAt: createdAt(),
  },
  (t) => [
    index('programme_cohorts_programme_idx').on(t.programmeId, t.startsOn),
    check('programme_cohorts_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('programme_cohorts_cap_check', sql`${t.cap} BETWEEN 1 AND 100000`),
  ],
);

/**
 * An organisation in a programme: active, waitlisted (with its position), exited (an alumnus) or
 * withdrawn from the waitlist. At most one current (active or waitlisted) enrolment per
 * organisation and programme.
 */
export const programmeEnrolments = pgTable(
  'programme_enrolments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id').references(() => programmeCohorts.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    waitlistPosition: integer('waitlist_position'),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id'),
    enteredOn: date('entered_on'),
    expectedEndOn: date('expected_end_on'),
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason'),
    exitNote: text('exit_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programme_enrolments_current_key').on(t.programmeId, t.organizationId).where(sql`${t.status} IN ('active', 'waitlisted')`),
    uniqueIndex('programme_enrolments_waitlist_key').on(t.programmeId, t.waitlistPosition).where(sql`${t.status} = 'waitlisted'`),
    index('programme_enrolments_programme_idx').on(t.programmeId, t.status),
    index('programme_enrolments_organization_idx').on(t.organizationId),
    check('programme_enrolments_status_check', sql`${t.status} IN (${inList(enrolmentStatuses)})`),
    check('programme_enrolments_source_check', sql`${t.sourceKind} IN (${inList(enrolmentSources)})`),
    check('programme_enrolments_waitlist_check', sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} IS NOT NULL)`),
    check('programme_enrolments_entered_check', sql`${t.status} NOT IN ('active', 'exited') OR ${t.enteredOn} IS NOT NULL`),
    check(
      'programme_enrolments_exit_check',
      sql`(${t.status} IN ('exited', 'withdrawn')) = (${t.exitedOn} IS NOT NULL AND ${t.exitReason} IS NOT NULL)
        AND (${t.exitReason} IS NULL OR ${t.exitReason} IN (${inList(exitReasons)}))`,
    ),
  ],
);

/** A mentor or expert assigned to an enrolment: an account or a person of the directory. */
export const programmeSupporters = pgTable(
  'programme_supporters',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => programmeEnrolments.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('programme_supporters_enrolment_idx').on(t.enrolmentId),
    uniqueIndex('programme_supporters_key').on(t.enrolmentId, t.role, sql`coalesce(${t.userId}, ${t.personId})`),
    check('programme_supporters_role_check', sql`${t.role} IN (${inList(supporterRoles)})`),
    check('programme_supporters_who_check', sql`(${t.userId} IS NULL) <> (${t.personId} IS NULL)`),
  ],
);

/** A mentoring session logged on an enrolment. */
export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => programmeEnrolments.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    topic: text('topic').notNull(),
    notes: text('notes'),
    supporterId: uuid('supporter_id').references(() => programmeSupporters.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('programme_sessions_enrolment_idx').on(t.enrolmentId, t.heldOn),
    check('programme_sessions_duration_check', sql`${t.durationMinutes} BETWEEN 1 AND 1440`),
  ],
);

/** A milestone of an enrolment; done ones carry their local done date. */
export const programmeMilestones = pgTable(
  'programme_milestones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => programmeEnrolments.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('planned'),
    doneOn: date('done_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('programme_milestones_enrolment_idx').on(t.enrolmentId, t.dueOn),
    check('programme_milestones_status_check', sql`${t.status} IN (${inList(milestoneStatuses)})`),
    check('programme_milestones_done_check', sql`(${t.status} = 'done') = (${t.doneOn} IS NOT NULL)`),
  ],
);

/**
 * The monthly request for an enrolment's figures. One per enrolment and month (`period` is the
 * month's first local day), so the monthly job can run any number of times. The e-mailed link's
 * secrets are stored only as SHA-256 (one per e-mail sent, so earlier links keep working).
 */
export const kpiRequests = pgTable(
  'kpi_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => programmeEnrolments.id, { onDelete: 'cascade' }),
    period: date('period').notNull(),
    tokenHashes: text('token_hashes').array().notNull().default(sql`'{}'::text[]`),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    headcount: integer('headcount'),
    fundsRaisedCents: bigint('funds_raised_cents', { mode: 'number' }),
    revenueBand: text('revenue_band'),
    keyFacts: text('key_facts'),
  },
  (t) => [
    uniqueIndex('kpi_requests_period_key').on(t.enrolmentId, t.period),
    index('kpi_requests_tokens_idx').using('gin', t.tokenHashes),
    check('kpi_requests_reminders_check', sql`${t.remindersSent} BETWEEN 0 AND 2`),
    check('kpi_requests_values_check', sql`${t.headcount} >= 0 AND ${t.fundsRaisedCents} >= 0`),
    check('kpi_requests_band_check', sql`${t.revenueBand} IS NULL OR ${t.revenueBand} IN (${inList(revenueBands)})`),
    check('kpi_requests_answer_check', sql`${t.answeredAt} IS NULL OR ${t.headcount} IS NOT NULL`),
  ],
);
