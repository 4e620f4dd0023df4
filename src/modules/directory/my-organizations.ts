/**
 * The organisations a signed-in person acts for. Accounts and the directory's people are linked by
 * their e-mail address: a person holds a current affiliation (started, not ended, on the
 * territory's today) with the organisation. Calls (applying) and places (booking) rely on it.
 */
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { todayIn } from '../../platform/time/index.ts';
import { ZDirectoryParams } from './directory.contract.ts';
import { affiliations, organizations, people } from './directory.tables.ts';
import { inTerritory } from './scope.ts';

export const ZMyOrganizations = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }).meta({ id: 'MyOrganizations' });

/** The organisations the e-mail address's person is currently affiliated with, by name (`only`: that one, if so). */
export function currentOrganizationsOf(tx: Db, email: string, today: string, only?: string) {
  return tx
    .selectDistinct({ id: organizations.id, name: organizations.name })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(
      and(
        sql`lower(${people.email}) = ${email.toLowerCase()}`,
        isNull(people.erasedAt),
        or(isNull(affiliations.startedOn), lte(affiliations.startedOn, today)),
        or(isNull(affiliations.endedOn), gte(affiliations.endedOn, today)),
        only ? eq(organizations.id, only) : undefined,
      ),
    )
    .orderBy(asc(organizations.name), asc(organizations.id));
}

export function createMyOrganizationsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** The signed-in person's current organisations in the territory (their own affiliations only). */
    list(ctx: Ctx, slug: string) {
      const { actor } = ctx;
      if (actor.kind !== 'user') throw new AppError('unauthenticated');
      return inTerritory(database, ctx, slug, 'directory.read_public', async (s) => ({
        items: await currentOrganizationsOf(s.tx, actor.email, todayIn(s.territory.timeZone, clock.now())),
      }));
    },
  };
}
export type MyOrganizationsService = ReturnType<typeof createMyOrganizationsService>;

export function myOrganizationsRoutes(service: MyOrganizationsService) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/my/organizations',
      summary: 'The organisations you act for: your current affiliations in the directory',
      tags: ['directory'],
      access: { kind: 'signed_in' },
      schema: { params: ZDirectoryParams, response: { 200: ZMyOrganizations } },
      handler: async (req) => service.list(ctxOf(req), req.params.slug),
    }),
  ];
}
