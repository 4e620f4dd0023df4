import { and, asc, count, eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { type Db, enterTerritory } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { findCommune, findEpci, geoVintage } from './geo.ts';
import type {
  TCreateTerritoryRequest,
  TCreateThemeRequest,
  TTerritory,
  TTerritoryDetail,
  TUpdateTerritoryRequest,
} from './territories.contract.ts';
import { territoriesPolicy } from './territories.policy.ts';
import { territories, territoryCommunes, territoryThemes } from './territories.tables.ts';

type Row = typeof territories.$inferSelect;

const toDto = (t: Row, communeCount: number): TTerritory => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  description: t.description,
  timeZone: t.timeZone,
  epciSiren: t.epciSiren,
  epciName: t.epciName,
  communeCount,
});

/** Finds a territory by slug (no scope needed: territories are public) or throws 404. */
export async function requireTerritory(tx: Db, slug: string): Promise<Row> {
  const [row] = await tx.select().from(territories).where(eq(territories.slug, slug)).limit(1);
  if (!row) throw new AppError('territory_not_found', `no territory "${slug}"`);
  return row;
}

async function communesOf(tx: Db, territoryId: string) {
  // Communes are tenant-owned: set this transaction's territory before reading them.
  await enterTerritory(tx, territoryId);
  return tx
    .select({ inseeCode: territoryCommunes.inseeCode, name: territoryCommunes.name })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.territoryId, territoryId))
    .orderBy(asc(territoryCommunes.name));
}

export function createTerritoriesService({ database }: Pick<Deps, 'database'>) {
  return {
    /** All territories with their commune counts (public). */
    async list(): Promise<TTerritory[]> {
      return database.transaction({ system: true }, async (tx) => {
        const rows = await tx
          .select({ t: territories, n: count(territoryCommunes.inseeCode) })
          .from(territories)
          .leftJoin(territoryCommunes, eq(territoryCommunes.territoryId, territories.id))
          .groupBy(territories.id)
          .orderBy(asc(territories.name));
        return rows.map((r) => toDto(r.t, Number(r.n)));
      });
    },

    async get(slug: string): Promise<TTerritoryDetail> {
      const t = await database.transaction({ territoryId: null }, (tx) => requireTerritory(tx, slug));
      return database.transaction({ territoryId: t.id }, async (tx) => {
        // One connection per transaction: queries run one after the other.
        const themes = await tx
          .select()
          .from(territoryThemes)
          .where(eq(territoryThemes.territoryId, t.id))
          .orderBy(asc(territoryThemes.labelFr));
        const [n] = await tx.select({ n: count() }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, t.id));
        return {
          ...toDto(t, Number(n?.n ?? 0)),
          geoVintage: t.geoVintage,
          themes: themes.map(({ id, slug: s, labelFr, labelEn }) => ({ id, slug: s, labelFr, labelEn })),
        };
      });
    },

    async communes(slug: string) {
      return database.transaction({ territoryId: null }, async (tx) => communesOf(tx, (await requireTerritory(tx, slug)).id));
    },

    async create(ctx: Ctx, input: TCreateTerritoryRequest): Promise<TTerritoryDetail> {
      authorize(territoriesPolicy, ctx.actor, 'territory.create', { territoryId: null });
      const epci = input.epciSiren ? findEpci(input.epciSiren) : null;
      if (input.epciSiren && !epci) {
        throw new AppError('unknown_epci', undefined, {
          errors: [{ path: 'body.epciSiren', code: 'unknown_epci', message: `no EPCI with SIREN ${input.epciSiren}` }],
        });
      }
      const extra = (input.communes ?? []).map((code, i) => {
        const c = findCommune(code);
        if (!c)
          throw new AppError('unknown_commune', undefined, {
            errors: [{ path: `body.communes.${i}`, code: 'unknown_commune', message: `no commune ${code}` }],
          });
        return c;
      });
      const covered = new Map([...(epci?.communes ?? []), ...extra].map((c) => [c.inseeCode, c]));
      await database.transaction({ system: true }, async (tx) => {
        const [exists] = await tx.select({ id: territories.id }).from(territories).where(eq(territories.slug, input.slug));
        if (exists) throw new AppError('slug_taken', `territory "${input.slug}" exists`);
        const [row] = await tx
          .insert(territories)
          .values({
            slug: input.slug,
            name: input.name,
            description: input.description ?? null,
            timeZone: input.timeZone,
            epciSiren: epci?.siren ?? null,
            epciName: epci?.name ?? null,
            geoVintage: covered.size ? geoVintage : null,
          })
          .returning();
        if (!row) throw new AppError('internal');
        if (covered.size) {
          await tx.insert(territoryCommunes).values(
            [...covered.values()].map((c) => ({
              territoryId: row.id,
              inseeCode: c.inseeCode,
              name: c.name,
              population: c.population?.toString() ?? null,
            })),
          );
        }
        await audit(
          tx,
          ctx.actor,
          { territoryId: row.id, action: 'create', entity: 'territory', entityId: row.id, after: row },
          ctx.requestId,
        );
      });
      return this.get(input.slug);
    },

    async update(ctx: Ctx, slug: string, input: TUpdateTerritoryRequest): Promise<TTerritoryDetail> {
      await database.transaction({ territoryId: null }, async (tx) => {
        const before = await requireTerritory(tx, slug);
        authorize(territoriesPolicy, ctx.actor, 'territory.update', { territoryId: before.id });
        await enterTerritory(tx, before.id);
        const [after] = await tx
          .update(territories)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(territories.id, before.id))
          .returning();
        await audit(
          tx,
          ctx.actor,
          { territoryId: before.id, action: 'update', entity: 'territory', entityId: before.id, before, after },
          ctx.requestId,
        );
      });
      return this.get(slug);
    },

    async createTheme(ctx: Ctx, slug: string, input: TCreateThemeRequest) {
      return database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(territoriesPolicy, ctx.actor, 'theme.manage', { territoryId: t.id });
        await enterTerritory(tx, t.id);
        const [dup] = await tx
          .select({ id: territoryThemes.id })
          .from(territoryThemes)
          .where(and(eq(territoryThemes.territoryId, t.id), eq(territoryThemes.slug, input.slug)));
        if (dup) throw new AppError('slug_taken', `theme "${input.slug}" exists`);
        const [row] = await tx
          .insert(territoryThemes)
          .values({ territoryId: t.id, ...input })
          .returning();
        if (!row) throw new AppError('internal');
        await audit(tx, ctx.actor, { territoryId: t.id, action: 'create', entity: 'theme', entityId: row.id, after: row }, ctx.requestId);
        return { id: row.id, slug: row.slug, labelFr: row.labelFr, labelEn: row.labelEn };
      });
    },

    async deleteTheme(ctx: Ctx, slug: string, themeId: string): Promise<void> {
      await database.transaction({ territoryId: null }, async (tx) => {
        const t = await requireTerritory(tx, slug);
        authorize(territoriesPolicy, ctx.actor, 'theme.manage', { territoryId: t.id });
        await enterTerritory(tx, t.id);
        const [row] = await tx
          .delete(territoryThemes)
          .where(and(eq(territoryThemes.id, themeId), eq(territoryThemes.territoryId, t.id)))
          .returning();
        if (!row) throw new AppError('not_found', 'no such theme');
        await audit(tx, ctx.actor, { territoryId: t.id, action: 'delete', entity: 'theme', entityId: row.id, before: row }, ctx.requestId);
      });
    },
  };
}

export type TerritoriesService = ReturnType<typeof createTerritoriesService>;
