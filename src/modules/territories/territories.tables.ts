import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Tenants. Public: anyone may list territories, so this table has no row-level policy. */
export const territories = pgTable(
  'territories',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    epciSiren: text('epci_siren'),
    epciName: text('epci_name'),
    /** Vintage of @etalab/decoupage-administratif the communes were read from. */
    geoVintage: text('geo_vintage'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('territories_slug_key').on(t.slug)],
);

/** Communes a territory covers (INSEE codes), tenant-owned. */
export const territoryCommunes = pgTable(
  'territory_communes',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    inseeCode: text('insee_code').notNull(),
    name: text('name').notNull(),
    population: text('population'),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.inseeCode] })],
);

/** A territory's own themes (e.g. Béthune's six smart-territory themes). */
export const territoryThemes = pgTable(
  'territory_themes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('territory_themes_slug_key').on(t.territoryId, t.slug), index('territory_themes_territory_idx').on(t.territoryId)],
);
