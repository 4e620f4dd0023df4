import { useI18n } from '../../i18n/i18n.tsx';
import { placesPaths, qs } from './places.api.ts';
import { addDays, formatCalendarDate, isIsoDate, startOfLocalDay, todayIn } from './places-time.ts';

export type CsvExportLinkProps = { slug: string; timeZone: string; placeId?: string; from: string; to: string };

/**
 * Downloads the bookings of the managers' current filter (place and dates) as CSV for invoicing;
 * without an end date, the month from the start date.
 */
export function CsvExportLink({ slug, timeZone, placeId, from, to }: CsvExportLinkProps) {
  const { t, locale } = useI18n();
  const first = isIsoDate(from) ? from : todayIn(timeZone);
  const last = isIsoDate(to) && to >= first ? to : addDays(first, 30);
  const href = `${placesPaths.bookings(slug)}.csv${qs({
    from: startOfLocalDay(first, timeZone).toISOString(),
    to: startOfLocalDay(addDays(last, 1), timeZone).toISOString(),
    placeId,
  })}`;
  return (
    <p>
      <a className="link link-inline" href={href} download>
        {t.places.manage.exportCsv(formatCalendarDate(first, locale), formatCalendarDate(last, locale))}
      </a>
    </p>
  );
}
