import { useEffect, useState } from 'react';
import { ApiError, apiRequest, fieldProblems } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { formatShortDate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locale.ts';

/** Today's date (ISO) in the territory's time zone, not the browser's. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A calendar date (ISO, no time) in the interface's language; read in UTC so that no zone shifts the day. */
export function dateLabel(iso: string, locale: Locale): string {
  return formatShortDate(`${iso}T00:00:00Z`, locale, 'UTC');
}

type PeriodWords = {
  from: (d: string) => string;
  between: (s: string, e: string) => string;
  until: (d: string) => string;
  undated: string;
};

/** « du 3 mars 2025 au 2 févr. 2026 », « depuis le … », « jusqu’au … » or « non datée ». */
export function periodLabel(startedOn: string | null, endedOn: string | null, locale: Locale, words: PeriodWords): string {
  const s = startedOn && dateLabel(startedOn, locale);
  const e = endedOn && dateLabel(endedOn, locale);
  return s && e ? words.between(s, e) : s ? words.from(s) : e ? words.until(e) : words.undated;
}

/**
 * The message to show under a field, from a failed request's problem+json. The server's field
 * messages are technical and in English: known fields get the interface's own message.
 */
export function fieldErrorsOf(error: unknown, messages: Record<string, string>): (field: string) => string | undefined {
  const errors = fieldProblems(error);
  return (field) => {
    const found = errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];
    return found ? (messages[field] ?? found.message) : undefined;
  };
}

/** Whether a failed request was refused with this problem code. */
export function isProblem(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.problem.code === code;
}

/** A comma-separated list typed by a person, as the API's array. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sends a write and keeps its error for the fields; resolves with the answer, or null when refused. */
export function useWrite() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async <T>(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await apiRequest<T>(path, { method, body });
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, send };
}

/**
 * A list read once from the API, then kept in the page: each write updates it from the server's
 * answer, so the table is not reloaded (the focus and the messages stay where they are).
 */
export function useEditableList<T>(path: string) {
  const list = useApi<{ items: T[] }>(path);
  const loaded = list.status === 'ok' ? list.data.items : null;
  const [items, setItems] = useState<T[] | null>(null);
  useEffect(() => {
    if (loaded) setItems(loaded);
  }, [loaded]);
  return { list, items: items ?? loaded, setItems };
}

/**
 * Moves the focus to an element, by id, once the page has been drawn again: back to a row's button
 * after editing it, or to the section's heading when the row is gone.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
