import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Locale } from '../../i18n/locale.ts';
import { RadioGroup } from '../../ui/index.ts';
import { type BookerOrganization, placesPaths, type Resource } from './places.api.ts';
import { formatDuration } from './places-time.ts';

/** The choice of booking for oneself; an organisation is chosen by its id. */
export const myself = 'self';

/**
 * The organisations the signed-in person may book for (their current affiliations in the
 * directory), read once for the page; none for visitors, and none until they are read.
 */
export function useBookerOrganizations(slug: string, signedIn: boolean): BookerOrganization[] {
  const list = useApi<{ items: BookerOrganization[] }>(signedIn ? placesPaths.bookerOrganizations(slug) : null);
  return list.status === 'ok' ? list.data.items : [];
}

/**
 * What the form offers first: the organisation when the resource's quota is counted per
 * organisation and the person belongs to exactly one (booking for it is then the usual case);
 * otherwise themselves.
 */
export function preselectedBooker(resource: Resource, organizations: BookerOrganization[]): string {
  const [only] = organizations;
  return resource.rules.quotaScope === 'organization' && only && organizations.length === 1 ? only.id : myself;
}

/** The choice in force: the person's own if it is still offered, else the preselection. */
export function chosenBooker(choice: string | null, resource: Resource, organizations: BookerOrganization[]): string {
  if (choice === myself || (choice && organizations.some((o) => o.id === choice))) return choice;
  return preselectedBooker(resource, organizations);
}

/** The resource's quotas in words (« 3 h par semaine »), or null when it has none. */
function quotaWords(resource: Resource, locale: Locale, f: { perDay: (d: string) => string; perWeek: (d: string) => string; and: string }) {
  const { dailyQuotaMinutes: day, weeklyQuotaMinutes: week } = resource.rules;
  // « 1 h » kept on one line.
  const duration = (minutes: number) => formatDuration(minutes, locale).replaceAll(' ', '\u00a0');
  const parts = [day ? f.perDay(duration(day)) : null, week ? f.perWeek(duration(week)) : null];
  const words = parts.filter(Boolean).join(f.and);
  return words || null;
}

export type BookForFieldProps = {
  resource: Resource;
  organizations: BookerOrganization[];
  /** The signed-in person's name, for the choice of booking for themselves. */
  userName: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | undefined;
};

/**
 * « Réserver pour » : oneself or one of one's organisations, as radio buttons (one tab stop,
 * arrows choose). Shown only to people with affiliations; the hint says when the quota is shared.
 */
export function BookForField({ resource, organizations, userName, value, onChange, errorMessage }: BookForFieldProps) {
  const { t, locale } = useI18n();
  const f = t.places.bookFor;
  if (!organizations.length) return null;
  const quota = resource.rules.quotaScope === 'organization' ? quotaWords(resource, locale, f) : null;
  return (
    <RadioGroup
      label={f.label}
      description={quota ? f.sharedQuota(quota) : f.hint}
      value={value}
      onChange={onChange}
      errorMessage={errorMessage}
      options={[{ id: myself, label: f.myself(userName) }, ...organizations.map((o) => ({ id: o.id, label: o.name }))]}
    />
  );
}
