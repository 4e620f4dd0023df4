import { useI18n } from '../../i18n/i18n.tsx';
import type { Locale } from '../../i18n/locale.ts';
import { type PublicCall, pick } from './calls.api.ts';

/** An instant as a date and time in the territory's zone (« 30 juin 2026 à 23:59 »). */
export function formatWhen(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Whether the call is open now, not yet open, or closed, as the server computed it. */
export function callState(call: PublicCall, now = Date.now()): 'open' | 'upcoming' | 'closed' {
  if (call.isOpen) return 'open';
  if (call.status === 'published' && call.opensAt && Date.parse(call.opensAt) > now) return 'upcoming';
  return 'closed';
}

/** The call's state and dates, in the territory's zone, with the zone named. */
export function CallDates({ call }: { call: PublicCall }) {
  const { t, locale } = useI18n();
  const c = t.calls.call;
  const state = callState(call);
  return (
    <p className="result-meta">
      <span className={`badge call-state-${state}`}>{c.states[state]}</span>
      {call.intake === 'continuous' ? (
        <span>{c.continuous}</span>
      ) : (
        <>
          {call.opensAt && <span>{c.opens(formatWhen(call.opensAt, locale, call.timeZone))}</span>}
          {call.closesAt && <span>{c.closes(formatWhen(call.closesAt, locale, call.timeZone))}</span>}
          <span className="muted">{c.zone(call.timeZone)}</span>
        </>
      )}
    </p>
  );
}

/** The call's themes as a list of labels. */
export function CallThemes({ call }: { call: PublicCall }) {
  const { locale } = useI18n();
  if (call.themes.length === 0) return null;
  return (
    <ul className="theme-list">
      {call.themes.map((th) => (
        <li key={th.slug} className="badge">
          {pick(locale, th.labelFr, th.labelEn)}
        </li>
      ))}
    </ul>
  );
}
