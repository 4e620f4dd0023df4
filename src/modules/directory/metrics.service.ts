import { and, count, desc, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TPage } from './directory.contract.ts';
import { organizationMetrics } from './directory.tables.ts';
import type { TCreateMetricRequest, TMetric } from './links.contract.ts';
import { requireOrganization } from './organization-dto.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type Row = typeof organizationMetrics.$inferSelect;

const toMetric = (m: Row): TMetric => ({
  id: m.id,
  metric: m.metric as TMetric['metric'],
  value: m.value,
  band: m.band as TMetric['band'],
  asOf: m.asOf,
  source: m.source,
  createdAt: m.createdAt.toISOString(),
});

/** Adds a dated figure to an organisation's history, in the caller's transaction, audited. */
export async function addMetric(s: Scoped, organizationId: string, input: TCreateMetricRequest): Promise<TMetric> {
  await requireOrganization(s.tx, s.territory.id, organizationId);
  const [row] = await s.tx
    .insert(organizationMetrics)
    .values({
      territoryId: s.territory.id,
      organizationId,
      metric: input.metric,
      value: input.value ?? null,
      band: input.band ?? null,
      asOf: input.asOf,
      source: input.source ?? null,
    })
    .returning();
  if (!row) throw new AppError('internal');
  const after = toMetric(row);
  await record(s, 'create', 'organization_metric', row.id, { after: { ...after, organizationId } });
  return after;
}

/** Headcount, funds raised and revenue band over time: every figure is kept, the latest is shown on the organisation. */
export function createMetricsService({ database }: Pick<Deps, 'database'>) {
  return {
    history(ctx: Ctx, slug: string, organizationId: string, query: TPage & { metric?: TMetric['metric'] | undefined }) {
      return inTerritory(database, ctx, slug, 'directory.read', async ({ tx, territory }) => {
        await requireOrganization(tx, territory.id, organizationId);
        const where = and(
          eq(organizationMetrics.organizationId, organizationId),
          query.metric ? eq(organizationMetrics.metric, query.metric) : undefined,
        );
        const rows = await tx
          .select()
          .from(organizationMetrics)
          .where(where)
          .orderBy(desc(organizationMetrics.asOf), desc(organizationMetrics.createdAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        const [total] = await tx.select({ n: count() }).from(organizationMetrics).where(where);
        return { items: rows.map(toMetric), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
      });
    },

    add(ctx: Ctx, slug: string, organizationId: string, input: TCreateMetricRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => addMetric(s, organizationId, input));
    },

    remove(ctx: Ctx, slug: string, organizationId: string, metricId: string) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const [row] = await s.tx
          .delete(organizationMetrics)
          .where(
            and(
              eq(organizationMetrics.id, metricId),
              eq(organizationMetrics.organizationId, organizationId),
              eq(organizationMetrics.territoryId, s.territory.id),
            ),
          )
          .returning();
        if (!row) throw new AppError('not_found', 'no such figure for this organisation');
        await record(s, 'delete', 'organization_metric', row.id, { before: { ...toMetric(row), organizationId } });
      });
    },
  };
}
export type MetricsService = ReturnType<typeof createMetricsService>;
