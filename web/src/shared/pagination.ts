import { useLocation } from 'react-router';
import type { Messages } from '../i18n/fr.ts';
import type { PaginationLabels } from '../ui/index.ts';

/** The page number of a `?page=` parameter: 1 when absent or invalid. */
export function pageParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The page number of the address (`?page=2`), 1 when absent or invalid. */
export function usePageParam(): number {
  return pageParam(new URLSearchParams(useLocation().search).get('page'));
}

/** The pagination's labels from the app's strings. */
export function pageLabels(t: Messages): PaginationLabels {
  return { nav: t.pagination.label, previous: t.pagination.previous, next: t.pagination.next, status: t.pagination.status };
}
