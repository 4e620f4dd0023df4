import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { resolveBookingRules } from './booking-rules.ts';
import { parseOpeningHours } from './opening-hours.ts';
import type {
  TClosure,
  TCreatePlaceRequest,
  TCreateResourceRequest,
  TPlace,
  TResource,
  TUpdatePlaceRequest,
  TUpdateResourceRequest,
} from './places.contract.ts';
import { managesPlaces } from './places.policy.ts';
import { placeClosures, places, qualifications, resources } from './places.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type PlaceRow = typeof places.$inferSelect;
type ResourceRow = typeof resources.$inferSelect;

/** Refuses opening hours the library cannot read, with its explanation at the field (422). */
export function checkOpeningHours(value: string | null | undefined, ctx: Ctx, path = 'openingHours'): void {
  if (value === undefined || value === null) return;
  const parsed = parseOpeningHours(value, ctx.locale);
  if (!parsed.ok) {
    throw new AppError('validation_failed', parsed.message[ctx.locale], {
      errors: [{ path: `body.${path}`, code: parsed.code, message: parsed.message[ctx.locale] }],
    });
  }
}

export function toResource(r: ResourceRow, qualificationNames: Map<string, string>): TResource {
  const q = r.requiredQualificationId;
  return {
    id: r.id,
    placeId: r.placeId,
    kind: r.kind as TResource['kind'],
    name: r.name,
    descriptionFr: r.descriptionFr,
    descriptionEn: r.descriptionEn,
    capacity: r.capacity,
    seats: r.seats,
    equipment: r.equipment,
    access: r.access as TResource['access'],
    requiredQualification: q ? { id: q, name: qualificationNames.get(q) ?? '' } : null,
    openingHours: r.openingHours,
    // With the defaults filled in, so that clients show the limits that actually apply.
    rules: resolveBookingRules(r.rules),
    prices: r.prices,
    isActive: r.isActive,
  };
}

const toClosure = (c: typeof placeClosures.$inferSelect): TClosure => ({
  id: c.id,
  placeId: c.placeId,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  reason: c.reason,
});

/** Places with their resources and closures (active resources only, unless `all`). */
async function withDetails(s: Scoped, rows: PlaceRow[], all: boolean): Promise<TPlace[]> {
  const ids = rows.map((p) => p.id);
  if (!ids.length) return [];
  const res = await s.tx
    .select()
    .from(resources)
    .where(and(inArray(resources.placeId, ids), all ? undefined : eq(resources.isActive, true)))
    .orderBy(asc(resources.name));
  const closures = await s.tx.select().from(placeClosures).where(inArray(placeClosures.placeId, ids)).orderBy(asc(placeClosures.startsOn));
  const quals = new Map((await s.tx.select().from(qualifications)).map((q) => [q.id, q.name]));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    street: p.street,
    postalCode: p.postalCode,
    city: p.city,
    communeInsee: p.communeInsee,
    descriptionFr: p.descriptionFr,
    descriptionEn: p.descriptionEn,
    accessibilityFr: p.accessibilityFr,
    accessibilityEn: p.accessibilityEn,
    photoUrls: p.photoUrls,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    openingHours: p.openingHours,
    isPublic: p.isPublic,
    timeZone: s.territory.timeZone,
    resources: res.filter((r) => r.placeId === p.id).map((r) => toResource(r, quals)),
    closures: closures.filter((c) => c.placeId === p.id).map(toClosure),
  }));
}

export async function requirePlace(s: Scoped, id: string): Promise<PlaceRow> {
  const [row] = await s.tx.select().from(places).where(eq(places.id, id)).limit(1);
  // A private place does not exist for those who do not manage places.
  if (!row || (!row.isPublic && !managesPlaces(s.ctx.actor, s.territory.id))) throw new AppError('place_not_found', `no place ${id}`);
  return row;
}

/** A resource with its place, in one query: 404 as {@link requireResource}, then as {@link requirePlace}. */
export async function requireResourceAndPlace(s: Scoped, id: string): Promise<{ resource: ResourceRow; place: PlaceRow }> {
  const [row] = await s.tx
    .select({ r: resources, p: places })
    .from(resources)
    .innerJoin(places, eq(places.id, resources.placeId))
    .where(eq(resources.id, id))
    .limit(1);
  if (!row) throw new AppError('resource_not_found', `no resource ${id}`);
  if (!row.p.isPublic && !managesPlaces(s.ctx.actor, s.territory.id)) throw new AppError('place_not_found', `no place ${row.p.id}`);
  return { resource: row.r, place: row.p };
}

export async function requireResource(tx: Db, id: string): Promise<ResourceRow> {
  const [row] = await tx.select().from(resources).where(eq(resources.id, id)).limit(1);
  if (!row) throw new AppError('resource_not_found', `no resource ${id}`);
  return row;
}

async function checkQualification(s: Scoped, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [q] = await s.tx.select({ id: qualifications.id }).from(qualifications).where(eq(qualifications.id, id)).limit(1);
  if (!q) {
    throw new AppError('validation_failed', 'unknown qualification', {
      errors: [{ path: 'body.requiredQualificationId', code: 'unknown', message: 'unknown qualification' }],
    });
  }
}

/** Places, their resources and closures: public reading, management by place managers. */
export function createPlacesService({ database }: Pick<Deps, 'database'>) {
  const one = async (s: Scoped, id: string) => (await withDetails(s, [await requirePlace(s, id)], true))[0] as TPlace;
  return {
    /** The territory's places (public ones for the public; all of them for managers). */
    list(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const all = managesPlaces(ctx.actor, s.territory.id);
        const rows = await s.tx
          .select()
          .from(places)
          .where(all ? undefined : eq(places.isPublic, true))
          .orderBy(asc(places.name));
        return { items: await withDetails(s, rows, all) };
      });
    },

    get(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const row = await requirePlace(s, id);
        return (await withDetails(s, [row], managesPlaces(ctx.actor, s.territory.id)))[0] as TPlace;
      });
    },

    create(ctx: Ctx, slug: string, input: TCreatePlaceRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        // Checked once the policy has passed: refused callers learn nothing of their input.
        checkOpeningHours(input.openingHours, ctx);
        const [row] = await s.tx
          .insert(places)
          .values({ ...input, territoryId: s.territory.id })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'place.create', 'place', row.id, { after: row });
        return one(s, row.id);
      });
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdatePlaceRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        // Checked once the policy has passed: refused callers learn nothing of their input.
        checkOpeningHours(input.openingHours, ctx);
        const before = await requirePlace(s, id);
        const [after] = await s.tx
          .update(places)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(places.id, id))
          .returning();
        await record(s, 'place.update', 'place', id, { before, after });
        return one(s, id);
      });
    },

    createResource(ctx: Ctx, slug: string, placeId: string, input: TCreateResourceRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        // Checked once the policy has passed: refused callers learn nothing of their input.
        checkOpeningHours(input.openingHours, ctx);
        await requirePlace(s, placeId);
        await checkQualification(s, input.requiredQualificationId);
        const [row] = await s.tx
          .insert(resources)
          .values({ ...input, placeId, territoryId: s.territory.id })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'resource.create', 'resource', row.id, { after: row });
        return toResource(row, new Map((await s.tx.select().from(qualifications)).map((q) => [q.id, q.name])));
      });
    },

    updateResource(ctx: Ctx, slug: string, id: string, input: TUpdateResourceRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        // Checked once the policy has passed: refused callers learn nothing of their input.
        checkOpeningHours(input.openingHours, ctx);
        const before = await requireResource(s.tx, id);
        await checkQualification(s, input.requiredQualificationId);
        const [after] = await s.tx
          .update(resources)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(resources.id, id))
          .returning();
        if (!after) throw new AppError('internal');
        await record(s, 'resource.update', 'resource', id, { before, after });
        return toResource(after, new Map((await s.tx.select().from(qualifications)).map((q) => [q.id, q.name])));
      });
    },

    addClosure(ctx: Ctx, slug: string, placeId: string, input: { startsOn: string; endsOn: string; reason: string }) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        await requirePlace(s, placeId);
        const [row] = await s.tx
          .insert(placeClosures)
          .values({ ...input, placeId, territoryId: s.territory.id })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'closure.create', 'place_closure', row.id, { after: row });
        return toClosure(row);
      });
    },

    removeClosure(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const [before] = await s.tx.delete(placeClosures).where(eq(placeClosures.id, id)).returning();
        if (!before) throw new AppError('closure_not_found', `no closure ${id}`);
        await record(s, 'closure.delete', 'place_closure', id, { before });
      });
    },
  };
}
export type PlacesService = ReturnType<typeof createPlacesService>;
