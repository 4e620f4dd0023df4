import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/index.ts';
import { territories, territoryThemes } from '../territories/index.ts';

const territoryId = () =>
  uuid('territory_id')
    .notNull()
    .references(() => territories.id, { onDelete: 'cascade' });

import { legalBases, membershipStatuses, metricKinds, organizationKinds, relationshipKinds, revenueBands } from './directory.values.ts';

export { legalBases, membershipStatuses, metricKinds, organizationKinds, relationshipKinds, revenueBands };
export const offerKinds = ['co_founder', 'job', 'investment', 'expertise', 'partner'] as const;

/**
 * Organisations of a territory's ecosystem (structures). Tenant-owned. `search_name`,
 * `search_words` and `search_joined` are computed by `searchFieldsOf` (organization-dto.ts) from
 * every field normalised (lower case, no accents, no punctuation) and kept by the services.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    siren: text('siren'),
    siret: text('siret'),
    rna: text('rna'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    communeInsee: text('commune_insee'),
    communeName: text('commune_name'),
    /** Whether the commune is one the territory covers (organisations may be based elsewhere). */
    inTerritory: boolean('in_territory').notNull().default(false),
    website: text('website'),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    logoUrl: text('logo_url'),
    foundingYear: integer('founding_year'),
    sector: text('sector'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    membershipStatus: text('membership_status').notNull().default('prospect'),
    isPublic: boolean('is_public').notNull().default(false),
    /** Fields the public directory shows, besides the name and kind (when the organisation is public). */
    publicFields: text('public_fields').array().notNull().default(sql`'{}'::text[]`),
    /** Identifier in another system, for idempotent imports. */
    externalId: text('external_id'),
    /** The name normalised like the documents, for ranking. */
    searchName: text('search_name').notNull().default(''),
    /**
     * The distinct words of every field, normalised, and the joined pairs of the name's words ("fab lab" →
     * "fablab"): those of the public fields as they are, the others (only the staff may search by
     * them) marked `~` (migration 0018); all of them marked when the organisation is not public.
     * Searched in their copy in `organization_search_words`.
     */
    searchWords: text('search_words').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Those of the words (without their mark) that only the name run together makes ("fab lab" →
     * "fablab"), not found as they are in any field: the territory's vocabulary does not offer them
     * as plain words (migration 0018).
     */
    searchJoined: text('search_joined').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_siret_key').on(t.territoryId, t.siret).where(sql`${t.siret} IS NOT NULL`),
    uniqueIndex('organizations_external_id_key').on(t.territoryId, t.externalId).where(sql`${t.externalId} IS NOT NULL`),
    index('organizations_territory_name_idx').on(t.territoryId, t.name),
    check('organizations_kind_check', sql`${t.kind} IN (${inList(organizationKinds)})`),
    check('organizations_status_check', sql`${t.membershipStatus} IN (${inList(membershipStatuses)})`),
    check('organizations_siren_check', sql`${t.siren} ~ '^[0-9]{9}$'`),
    check('organizations_siret_check', sql`${t.siret} ~ '^[0-9]{14}$' AND (${t.siren} IS NULL OR left(${t.siret}, 9) = ${t.siren})`),
    check('organizations_founding_year_check', sql`${t.foundingYear} BETWEEN 1000 AND 2200`),
  ],
);

/**
 * Every word the territory's organisations are searchable by, once: a query's words are first
 * expanded here (prefixes, small typos, through a trigram index over short words), then matched
 * exactly against the organisations' word arrays, so no long document is scanned for similarity.
 * Words are added by `refreshSearchFields` and never removed: a stale word only expands to nothing.
 */
export const searchWords = pgTable(
  'search_words',
  {
    territoryId: territoryId(),
    word: text('word').notNull(),
    /** False for a word only ever seen as a name's words joined: such words match exactly, never by prefix or typo. */
    plain: boolean('plain').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.word] }),
    // Prefixes expand to plain words only: joined words ("numerique35") would be read and thrown away.
    index('search_words_prefix_idx').on(t.territoryId, t.word.op('text_pattern_ops')).where(sql`${t.plain}`),
    // Typos are looked for among plain words only: joined words (two thirds of them) stay out of the index.
    index('search_words_plain_trgm_idx').using('gin', t.word.op('gin_trgm_ops')).where(sql`${t.plain}`),
  ],
);

/**
 * The columns a search counts and sorts, held by both search copies (each table needs its own
 * column builders, hence a function). `shows_*` say whether the public may see that field.
 */
const searchFacetColumns = () => ({
  showsStatus: boolean('shows_status').notNull(),
  showsCommune: boolean('shows_commune').notNull(),
  showsTags: boolean('shows_tags').notNull(),
  showsThemes: boolean('shows_themes').notNull(),
  kind: text('kind').notNull(),
  membershipStatus: text('membership_status').notNull(),
  communeInsee: text('commune_insee'),
  /** The organisation's name, the sort key without a query. */
  name: text('name').notNull(),
  tags: text('tags').array().notNull(),
  themeIds: uuid('theme_ids').array().notNull(),
  communeName: text('commune_name'),
});

/**
 * Each facet group's values hashed into one 64-bit key (computed by PostgreSQL when the row is
 * written): the kind, status and commune with whether the last two are public; the tags and whether
 * they are public; the themes and whether they are public. The search groups its matched rows by
 * these keys rather than by the text and array columns (at 100,000 organisations, 14 ms instead of
 * 24 for a broad word's 21,000 rows), then reads each group's values from one row holding its key.
 * Two different groups would share a key with odds below one in a billion for a territory of
 * 100,000 organisations; their counts would then be added together.
 */
const searchKeyColumns = () => ({
  fieldsKey: bigint('fields_key', { mode: 'bigint' })
    .notNull()
    .generatedAlwaysAs(
      sql`hash_array_extended(ARRAY[kind, membership_status, commune_insee, commune_name], shows_status::int + 2 * shows_commune::int)`,
    ),
  tagsKey: bigint('tags_key', { mode: 'bigint' }).notNull().generatedAlwaysAs(sql`hash_array_extended(tags, shows_tags::int)`),
  themesKey: bigint('themes_key', { mode: 'bigint' }).notNull().generatedAlwaysAs(sql`hash_array_extended(theme_ids, shows_themes::int)`),
});

/**
 * What the directory search counts and sorts of each organisation, and nothing else, in a row about
 * a tenth the width of the organisation's: counting the facets of a whole territory reads that many
 * fewer pages. Never written by the application: triggers (migration 0013) keep it in step with
 * `organizations` and `organization_themes` in the writing statement's own transaction, whichever
 * code path writes; deleting an organisation deletes its row. `shows_*` say whether the public may
 * see (and so filter and count by) that field.
 */
export const organizationSearch = pgTable(
  'organization_search',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    territoryId: territoryId(),
    isPublic: boolean('is_public').notNull(),
    ...searchFacetColumns(),
    ...searchKeyColumns(),
  },
  (t) => [
    index('organization_search_territory_name_idx').on(t.territoryId, t.name),
    // A search without words filtered by kind reads that kind's rows, not the territory's.
    index('organization_search_territory_kind_idx').on(t.territoryId, t.kind),
    // Where a search finds the values of each facet group it counted.
    index('organization_search_territory_fields_key_idx').on(t.territoryId, t.fieldsKey),
    index('organization_search_territory_tags_key_idx').on(t.territoryId, t.tagsKey),
    index('organization_search_territory_themes_key_idx').on(t.territoryId, t.themesKey),
  ],
);

/**
 * What a search with words reads of each organisation: its word arrays (GIN-indexed here), its
 * normalised name for the rank, and a copy of the columns of `organization_search` it counts and
 * sorts, so that the rows the words match need no join (at 100,000 organisations the join cost
 * more than the match). Kept by the same triggers as `organization_search`; searches without
 * words read the narrower `organization_search`.
 *
 * Its columns are in the order a search reads them (migration 0020): PostgreSQL reads a row's
 * columns one after the other, so the fixed-width ones a broad word's thousands of matched rows are
 * counted and sorted by (the keys, the flags) come first, then the names the rank reads, the facet
 * values and arrays only a filter or a staff export reads, and the long word array last.
 */
const searchWordsColumns = () => {
  const { kind, membershipStatus, communeInsee, name, tags, themeIds, communeName, ...shows } = searchFacetColumns();
  return {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    territoryId: territoryId(),
    ...searchKeyColumns(),
    isPublic: boolean('is_public').notNull(),
    ...shows,
    name,
    searchName: text('search_name').notNull(),
    kind,
    membershipStatus,
    communeInsee,
    communeName,
    tags,
    themeIds,
    /**
     * The words of both audiences in one array (migration 0016): the public words as they are, the
     * words only the staff may search by marked `~` (normalised words never hold one). The public
     * match their words, the staff each word and its marked form: one GIN index instead of two, and
     * a table a quarter smaller (7,055 pages instead of 9,691 at 100,000 organisations, compacted),
     * which a broad word's thousands of matched rows read page by page.
     */
    words: text('words').array().notNull(),
  };
};

export const organizationSearchWords = pgTable('organization_search_words', searchWordsColumns(), (t) => [
  index('organization_search_words_words_idx').using('gin', t.words),
  /**
   * The words of each name (migration 0021): a search whose rank comes from the name alone finds the
   * organisations whose name holds a query word here, and takes its first page from them when they
   * fill it, rather than ranking every matched row (`scan`).
   */
  index('organization_search_words_name_words_idx').using('gin', sql`string_to_array(${t.searchName}, ' ')`),
]);

/**
 * How many of a territory's organisations hold each facet value, for each audience (`public`: the
 * public organisations, a value counted only when its field is public; `staff`: all), so that a
 * search without words reads the counts rather than counting the whole territory. Rows are
 * changes, not totals: a statement trigger on `organization_search` appends what each statement
 * added and removed (migration 0015), so concurrent writers never wait for each other on a shared
 * counter row; the counts are the sums, exact in every snapshot. `totem_compact_facet_counts`
 * folds a territory's rows into one per value. `seen` counts the organisations holding the value
 * whether or not they show it: a commune's label comes from all of them, as the search's does.
 */
export const organizationFacetCounts = pgTable(
  'organization_facet_counts',
  {
    territoryId: territoryId(),
    audience: text('audience').notNull(),
    /** `total` (value ''), `kind`, `status`, `commune`, `tag` or `theme` (its id). */
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    /** The commune's name for a commune, null otherwise. */
    label: text('label'),
    n: integer('n').notNull(),
    seen: integer('seen').notNull(),
  },
  (t) => [index('organization_facet_counts_idx').on(t.territoryId, t.audience)],
);

/** The territory's themes an organisation works on. */
export const organizationThemes = pgTable(
  'organization_themes',
  {
    territoryId: territoryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => territoryThemes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.themeId] }), index('organization_themes_theme_idx').on(t.themeId)],
);

/** Dated figures about an organisation (headcount, funds raised in cents, revenue band): the latest is shown, the history kept. */
export const organizationMetrics = pgTable(
  'organization_metrics',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }),
    band: text('band'),
    asOf: date('as_of').notNull(),
    source: text('source'),
    createdAt: createdAt(),
  },
  (t) => [
    index('organization_metrics_org_idx').on(t.organizationId, t.metric, t.asOf),
    check('organization_metrics_metric_check', sql`${t.metric} IN (${inList(metricKinds)})`),
    check(
      'organization_metrics_value_check',
      sql`(${t.metric} = 'revenue_band' AND ${t.band} IN (${inList(revenueBands)}) AND ${t.value} IS NULL)
        OR (${t.metric} <> 'revenue_band' AND ${t.band} IS NULL AND ${t.value} >= 0)`,
    ),
  ],
);

/** Typed, dated links between organisations (who accompanies, funds, hosts whom). */
export const organizationRelationships = pgTable(
  'organization_relationships',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organization_relationships_key').on(t.sourceId, t.targetId, t.kind),
    index('organization_relationships_target_idx').on(t.targetId),
    check('organization_relationships_kind_check', sql`${t.kind} IN (${inList(relationshipKinds)})`),
    check('organization_relationships_distinct_check', sql`${t.sourceId} <> ${t.targetId}`),
    check('organization_relationships_dates_check', sql`${t.endedOn} IS NULL OR ${t.startedOn} IS NULL OR ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/**
 * People of the ecosystem (not accounts). Personal data under the RGPD: each record states its
 * legal basis; a public profile needs the person's consent; erasure anonymises the row.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    offers: text('offers').array().notNull().default(sql`'{}'::text[]`),
    seeks: text('seeks').array().notNull().default(sql`'{}'::text[]`),
    legalBasis: text('legal_basis').notNull(),
    purpose: text('purpose'),
    consentPublicProfile: boolean('consent_public_profile').notNull().default(false),
    consentContact: boolean('consent_contact').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    publicProfile: boolean('public_profile').notNull().default(false),
    externalId: text('external_id'),
    searchText: text('search_text').notNull().default(''),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('people_email_key').on(t.territoryId, sql`lower(${t.email})`).where(sql`${t.email} IS NOT NULL`),
    uniqueIndex('people_external_id_key').on(t.territoryId, t.externalId).where(sql`${t.externalId} IS NOT NULL`),
    index('people_territory_name_idx').on(t.territoryId, t.lastName, t.firstName),
    index('people_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('people_legal_basis_check', sql`${t.legalBasis} IN (${inList(legalBases)})`),
    check('people_public_profile_check', sql`NOT ${t.publicProfile} OR ${t.consentPublicProfile}`),
  ],
);

/** A person's role in an organisation, with its dates. */
export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    createdAt: createdAt(),
  },
  (t) => [
    index('affiliations_person_idx').on(t.personId),
    index('affiliations_organization_idx').on(t.organizationId),
    check('affiliations_dates_check', sql`${t.endedOn} IS NULL OR ${t.startedOn} IS NULL OR ${t.endedOn} >= ${t.startedOn}`),
  ],
);

export const interactionKinds = ['note', 'meeting', 'call', 'email', 'event'] as const;

/**
 * The staff's CRM timeline of an organisation: notes, meetings, calls, e-mails and events, each
 * written by a user. `author_id` is kept null when the account is deleted, so the history stays.
 */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    body: text('body'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('interactions_organization_idx').on(t.organizationId, t.occurredAt),
    check('interactions_kind_check', sql`${t.kind} IN (${inList(interactionKinds)})`),
  ],
);

/** People of the territory involved in an interaction. */
export const interactionPeople = pgTable(
  'interaction_people',
  {
    territoryId: territoryId(),
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.personId] }), index('interaction_people_person_idx').on(t.personId)],
);

/** Follow-up reminders of the staff, about an organisation and/or a person, assigned to a user of the territory. */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: territoryId(),
    dueOn: date('due_on').notNull(),
    note: text('note').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reminders_assignee_idx').on(t.territoryId, t.done, t.dueOn),
    index('reminders_organization_idx').on(t.organizationId),
    index('reminders_person_idx').on(t.personId),
  ],
);
