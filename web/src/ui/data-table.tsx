// biome-ignore-all lint/a11y/noRedundantRoles: explicit roles keep the table semantics through the card layout of small screens.
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';

export type Column<T> = { id: string; header: string; cell: (row: T) => ReactNode; isRowHeader?: boolean };

export type DataTableProps<T> = { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string | number };

/** Whether the element is narrower than its content (then it scrolls sideways). */
function useOverflows(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

/**
 * An HTML table. On a phone each row becomes a card whose cells carry their column's name; the
 * explicit roles keep the table semantics that browsers drop when the display changes. When the
 * table is wider than its box, the box scrolls and can be focused to scroll with the keyboard.
 */
export function DataTable<T>({ caption, columns, rows, rowKey }: DataTableProps<T>) {
  const captionId = useId();
  const box = useRef<HTMLElement>(null);
  const overflows = useOverflows(box);
  return (
    <section ref={box} className="table-scroll" aria-labelledby={captionId} tabIndex={overflows ? 0 : undefined}>
      <table className="table table-stack" role="table">
        <caption id={captionId}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => (
              <th key={c.id} scope="col" role="columnheader">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((c) =>
                c.isRowHeader ? (
                  <th key={c.id} scope="row" role="rowheader">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.id} role="cell" data-label={c.header}>
                    <div>{c.cell(row)}</div>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
