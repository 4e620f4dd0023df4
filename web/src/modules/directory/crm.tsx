import { type FormEvent, useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate, formatShortDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Checkbox, Link, SelectField, TextArea, TextField } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { directoryPaths, type Interaction, isDirectoryStaff, type Reminder } from './directory.api.ts';

const interactionKinds = ['note', 'meeting', 'call', 'email', 'event'] as const;

/** The organisation's follow-up: past interactions, newest first, and a form to record one. */
export function InteractionTimeline({ slug, organizationId, timeZone }: { slug: string; organizationId: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const c = t.directory.crm;
  const list = useApi<Page<Interaction>>(`${directoryPaths.interactions(slug, organizationId)}?pageSize=50`);
  const [kind, setKind] = useState('note');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState(false);
  const errors = fieldProblems(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAdded(false);
    try {
      await apiRequest(directoryPaths.interactions(slug, organizationId), {
        method: 'POST',
        body: { kind, occurredAt: new Date(`${date}T12:00:00`).toISOString(), summary: summary.trim(), body: body.trim() || null },
      });
      setSummary('');
      setBody('');
      setAdded(true);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="crm-heading" className="form-section">
      <h2 id="crm-heading">{c.heading}</h2>
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' &&
        (list.data.items.length === 0 ? (
          <p className="empty">{c.empty}</p>
        ) : (
          <ol className="timeline">
            {list.data.items.map((i) => (
              <li key={i.id}>
                <p className="timeline-meta">
                  <span className="chip chip-brand">{c.kinds[i.kind] ?? i.kind}</span>{' '}
                  <time dateTime={i.occurredAt}>{formatDate(i.occurredAt, locale, timeZone)}</time>
                  {i.author && <span className="muted">{` ${c.by(i.author.displayName)}`}</span>}
                </p>
                <p className="timeline-summary">{i.summary}</p>
                {i.body && <p className="prose-text">{i.body}</p>}
              </li>
            ))}
          </ol>
        ))}
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label={c.kind}
            value={kind}
            onChange={setKind}
            options={interactionKinds.map((k) => ({ id: k, label: c.kinds[k] ?? k }))}
          />
          <div className="field">
            <label className="field-label" htmlFor="crm-date">
              {c.occurredAt}
            </label>
            <input id="crm-date" type="date" className="field-input" value={date} onChange={(e) => setDate(e.target.value)} required />
          </div>
        </div>
        <TextField
          label={c.summary}
          name="summary"
          value={summary}
          onChange={setSummary}
          errorMessage={errors.summary?.message}
          isRequired
        />
        <TextArea label={c.body} name="body" value={body} onChange={setBody} rows={3} />
        <div role="status">{added && <Alert tone="success" announce={false} title={c.added} />}</div>
        <ProblemAlert error={error} />
        <Button type="submit" isDisabled={!summary.trim()}>
          {c.add}
        </Button>
      </form>
    </section>
  );
}

/** On the territory's home, for its staff: their open reminders, overdue first, each one to tick off. */
export function RemindersPanel({ slug, timeZone }: { slug: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const c = t.directory.crm;
  const { session } = useSession();
  const staff = isDirectoryStaff(session, slug);
  const list = useApi<Page<Reminder>>(staff ? directoryPaths.reminders(slug) : null);
  const [error, setError] = useState<unknown>(null);
  if (!staff || list.status !== 'ok') return null;
  const done = async (r: Reminder) => {
    try {
      await apiRequest(directoryPaths.reminder(slug, r.id), { method: 'PATCH', body: { done: true } });
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="reminders-heading" className="panel">
      <h2 id="reminders-heading">{c.reminders}</h2>
      <ProblemAlert error={error} />
      {list.data.items.length === 0 ? (
        <p className="empty">{c.noReminders}</p>
      ) : (
        <ul className="plain-list reminder-list">
          {list.data.items.map((r) => (
            <li key={r.id}>
              <Checkbox isSelected={r.done} onChange={() => done(r)}>
                <span className="sr-only">{c.markDone(r.note)}</span>
              </Checkbox>
              <div>
                <p className="reminder-note">{r.note}</p>
                <p className="small muted">
                  {r.overdue && <strong className="reminder-overdue">{`${c.overdue} · `}</strong>}
                  {c.due(formatShortDate(`${r.dueOn}T12:00:00Z`, locale, timeZone))}
                  {r.organization && (
                    <>
                      {' · '}
                      <Link href={`/t/${slug}/gestion/annuaire/${r.organization.id}`}>{r.organization.name}</Link>
                    </>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
