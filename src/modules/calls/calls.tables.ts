import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from '../../platform/db/columns.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { territories } from '../territories/index.ts';
import {
  applicationStatuses,
  callStatuses,
  conflictKinds,
  intakeKinds,
  pairRules,
  recommendations,
  reviewStatuses,
} from './calls.values.ts';
import type { TCallDocument, TEligibility, TFormDefinition, TRubric } from './forms.ts';

/** A row of a stage's, gone with its stage. */
const stageRef = () =>
  uuid('stage_id')
    .notNull()
    .references(() => callStages.id, { onDelete: 'cascade' });
/** A row of an application's, gone with its application. */
const applicationRef = () =>
  uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' });

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const territoryId = () =>
  uuid('territory_id')
    .notNull()
    .references(() => territories.id, { onDelete: 'cascade' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** A call for projects. Its window is kept both as typed local date-times and as instants in the territory's zone. */
export const calls = pgTable(
  'calls',
  {
    id: id(),
    territoryId: territoryId(),
    slug: text('slug').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    status: text('status').notNull().default('draft'),
    intake: text('intake').notNull().default('continuous'),
    opensLocal: text('opens_local'),
    closesLocal: text('closes_local'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** The programme the call leads to; linked to the programmes module at integration (no foreign key yet). */
    programmeId: uuid('programme_id'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    eligibility: jsonb('eligibility').$type<TEligibility>().notNull(),
    documents: jsonb('documents').$type<TCallDocument[]>().notNull().default(sql`'[]'::jsonb`),
    form: jsonb('form').$type<TFormDefinition>().notNull(),
    laureatesPublishedAt: timestamp('laureates_published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('calls_slug_key').on(t.territoryId, t.slug),
    check('calls_status_check', sql`${t.status} IN (${inList(callStatuses)})`),
    check('calls_intake_check', sql`${t.intake} IN (${inList(intakeKinds)})`),
    check(
      'calls_window_check',
      sql`${t.intake} = 'continuous' OR (${t.opensAt} IS NOT NULL AND ${t.closesAt} IS NOT NULL AND ${t.closesAt} > ${t.opensAt})`,
    ),
  ],
);

/** A review stage of a call, with its rubric and its panel's loads. */
export const callStages = pgTable(
  'call_stages',
  {
    id: id(),
    territoryId: territoryId(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    rubric: jsonb('rubric').$type<TRubric>().notNull(),
    reviewsWanted: integer('reviews_wanted').notNull().default(2),
    minLoad: integer('min_load').notNull().default(0),
    maxLoad: integer('max_load').notNull().default(10),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('call_stages_position_key').on(t.callId, t.position),
    check('call_stages_loads_check', sql`${t.reviewsWanted} >= 0 AND ${t.minLoad} >= 0 AND ${t.maxLoad} >= ${t.minLoad}`),
  ],
);

/** A reviewer on a stage's panel. */
export const stagePanel = pgTable(
  'stage_panel',
  {
    territoryId: territoryId(),
    stageId: stageRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.userId] })],
);

/** A reviewer's expertise in a territory: theme slugs. */
export const reviewerProfiles = pgTable(
  'reviewer_profiles',
  {
    territoryId: territoryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.userId] })],
);

/** An organisation's application to a call: one per organisation and call. */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    territoryId: territoryId(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    locale: text('locale').notNull().default('fr'),
    status: text('status').notNull().default('draft'),
    stageId: uuid('stage_id').references(() => callStages.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The last submitted revision; 0 while never submitted. */
    revision: integer('revision').notNull().default(0),
    ineligibility: jsonb('ineligibility').$type<Array<{ code: string; fr: string; en: string }>>(),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_organization_key').on(t.callId, t.organizationId),
    index('applications_applicant_idx').on(t.applicantId),
    check('applications_status_check', sql`${t.status} IN (${inList(applicationStatuses)})`),
  ],
);

/** A submitted revision, frozen (a trigger refuses updates); `changed` lists the questions that differ from the previous one. */
export const applicationRevisions = pgTable(
  'application_revisions',
  {
    id: id(),
    territoryId: territoryId(),
    applicationId: applicationRef(),
    revision: integer('revision').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    changed: text('changed').array().notNull().default(sql`'{}'::text[]`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('application_revisions_key').on(t.applicationId, t.revision)],
);

/** A file uploaded for a file question, kept in the database with its checked type and digest. */
export const applicationFiles = pgTable(
  'application_files',
  {
    id: id(),
    territoryId: territoryId(),
    applicationId: applicationRef(),
    questionId: text('question_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('application_files_application_idx').on(t.applicationId), check('application_files_size_check', sql`${t.size} > 0`)],
);

/** A reviewer's declaration about an application: no conflict, or a typed conflict. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    territoryId: territoryId(),
    applicationId: applicationRef(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind'),
    comment: text('comment'),
    declaredAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.reviewerId] }),
    check('conflict_declarations_kind_check', sql`${t.kind} IS NULL OR ${t.kind} IN (${inList(conflictKinds)})`),
  ],
);

/** Staff's pins and forbidden pairs for a stage's assignment. */
export const pairRulesTable = pgTable(
  'assignment_pair_rules',
  {
    territoryId: territoryId(),
    stageId: stageRef(),
    applicationId: applicationRef(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.stageId, t.applicationId, t.reviewerId] }),
    check('assignment_pair_rules_rule_check', sql`${t.rule} IN (${inList(pairRules)})`),
  ],
);

/** An assignment and its review: `assigned` until the reviewer saves, then `draft`, then `submitted` (locked by a trigger). */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    territoryId: territoryId(),
    stageId: stageRef(),
    applicationId: applicationRef(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('assigned'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comment: text('comment'),
    recommendation: text('recommendation'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reviews_pair_key').on(t.stageId, t.applicationId, t.reviewerId),
    index('reviews_reviewer_idx').on(t.reviewerId, t.stageId),
    check('reviews_status_check', sql`${t.status} IN (${inList(reviewStatuses)})`),
    check('reviews_recommendation_check', sql`${t.recommendation} IS NULL OR ${t.recommendation} IN (${inList(recommendations)})`),
    check('reviews_submitted_check', sql`${t.status} <> 'submitted' OR (${t.submittedAt} IS NOT NULL AND ${t.recommendation} IS NOT NULL)`),
  ],
);

/** When a stage's reviewer was last reminded: the guard of the 24-hour rate limit. */
export const reviewReminders = pgTable(
  'review_reminders',
  {
    territoryId: territoryId(),
    stageId: stageRef(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.reviewerId] })],
);
