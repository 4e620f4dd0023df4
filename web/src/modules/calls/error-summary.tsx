import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

export type SummaryItem = { id: string; label: string; message: string };

/** Moves the focus into the field of a question: its input, or the first input of its group. */
export function focusQuestion(id: string): void {
  const el = document.getElementById(`input-${id}`);
  if (!el) return;
  const target = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, button');
  target?.focus();
}

/**
 * The list of what is wrong, at the top of the form (RGAA 11.10): it takes the focus each time it
 * changes, and each line leads to its field.
 */
export function ErrorSummary({ items, version }: { items: SummaryItem[]; version: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is a trigger: a new failed attempt moves the focus again.
  useEffect(() => {
    if (items.length) box.current?.focus();
  }, [version]);
  if (!items.length) return null;
  return (
    <div ref={box} tabIndex={-1} role="alert" className="alert alert-error error-summary" aria-labelledby="error-summary-title">
      <span className="alert-icon" aria-hidden="true">
        !
      </span>
      <div className="alert-body">
        <h2 id="error-summary-title" className="alert-title">
          {t.calls.form.summary(items.length)}
        </h2>
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <a
                href={`#input-${i.id}`}
                className="link link-inline"
                onClick={(e) => {
                  e.preventDefault();
                  focusQuestion(i.id);
                }}
              >
                {t.calls.form.summaryLine(i.label, i.message)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
