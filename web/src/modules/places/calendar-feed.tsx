import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button } from '../../ui/index.ts';
import { type CalendarFeed as Feed, placesPaths } from './places.api.ts';

/**
 * The person's private iCalendar feed: its secret address is shown once, to copy into a calendar
 * application; asking again replaces it (the old address stops working).
 */
export function CalendarFeed() {
  const { t } = useI18n();
  const c = t.places.feed;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setUrl((await apiRequest<Feed>(placesPaths.calendarFeed(), { method: 'POST' })).url);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access the address stays selectable in its field.
      document.getElementById('calendar-feed-url')?.focus();
    }
  };
  return (
    <section aria-labelledby="calendar-feed" className="form-section">
      <h2 id="calendar-feed">{c.heading}</h2>
      <p>{c.intro}</p>
      {url && (
        <div className="field">
          <label className="field-label" htmlFor="calendar-feed-url">
            {c.url}
          </label>
          <p id="calendar-feed-hint" className="field-hint">
            {c.once}
          </p>
          <input
            id="calendar-feed-url"
            className="field-input mono"
            readOnly
            value={url}
            aria-describedby="calendar-feed-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <div role="status">{copied && <Alert tone="success" announce={false} title={c.copied} />}</div>
      <ProblemAlert error={error} />
      <div className="actions-row">
        {url && <Button onPress={copy}>{c.copy}</Button>}
        <Button variant={url ? 'secondary' : 'primary'} isDisabled={busy} onPress={create}>
          {url ? c.replace : c.create}
        </Button>
      </div>
    </section>
  );
}
