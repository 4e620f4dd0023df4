import { Link } from './link.tsx';

export type PaginationLabels = { nav: string; previous: string; next: string; status: (page: number, pages: number) => string };

export type PaginationProps = { page: number; pageCount: number; hrefFor: (page: number) => string; labels: PaginationLabels };

/** Previous / next links with the position, in a navigation landmark of its own. */
export function Pagination({ page, pageCount, hrefFor, labels }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="pagination">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} variant="button" rel="prev">
          <span aria-hidden="true">← </span>
          {labels.previous}
        </Link>
      ) : (
        <span className="pagination-spacer" />
      )}
      <p className="pagination-status">{labels.status(page, pageCount)}</p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} variant="button" rel="next">
          {labels.next}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span className="pagination-spacer" />
      )}
    </nav>
  );
}
