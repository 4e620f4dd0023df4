import type { Membership, Territory } from '../../api/types.ts';

/** The territory endpoints used by the web app. */
export const territoryPaths = {
  list: '/api/v1/territories',
  detail: (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`,
  members: (slug: string, page: number, pageSize: number) =>
    `/api/v1/territories/${encodeURIComponent(slug)}/members?page=${page}&pageSize=${pageSize}`,
  audit: (slug: string, page: number, pageSize: number) =>
    `/api/v1/territories/${encodeURIComponent(slug)}/audit?page=${page}&pageSize=${pageSize}`,
};

/** Splits the territories into the person's own (in their order) and the others. */
export function splitTerritories(items: Territory[], memberships: Membership[]): { mine: Territory[]; others: Territory[] } {
  const own = new Set(memberships.map((m) => m.slug));
  return { mine: items.filter((t) => own.has(t.slug)), others: items.filter((t) => !own.has(t.slug)) };
}
