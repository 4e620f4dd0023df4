import { useParams, useSearchParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Locale } from '../../i18n/locale.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, type Column, DataTable, Loading, Segmented, SelectField } from '../../ui/index.ts';
import { CsvExportLink } from './export-link.tsx';
import { type Occupancy, type OccupancyPeriod, type Place, placesPaths } from './places.api.ts';
import { ManagerNav, PlacesFrame } from './places-frame.tsx';
import { addDays, formatDay, isIsoDate, localDate, todayIn } from './places-time.ts';

type Row = Occupancy['items'][number];
const all = '__all';

/** The first day of the month `months` away from the month of `date`. */
function shiftMonth(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function numbers(locale: Locale) {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const hours = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  return { hours: (h: number) => hours.format(h), percent: (r: number) => percent.format(r) };
}

/** The rate in words, and a bar drawn with CSS that only repeats it (hidden from screen readers). */
function RateCell({ row, locale }: { row: Row; locale: Locale }) {
  const { t } = useI18n();
  if (row.openHours === 0) return <span className="muted">{t.places.occupancy.noneOpen}</span>;
  const width = `${Math.min(100, Math.max(0, row.rate * 100))}%`;
  return (
    <span className="occupancy-rate">
      <span className="occupancy-value">{numbers(locale).percent(row.rate)}</span>
      <span className="occupancy-bar" aria-hidden="true">
        <span className="occupancy-fill" style={{ width }} />
      </span>
    </span>
  );
}

function OccupancyTable({ data, days, showPlace }: { data: Occupancy; days: [string, string]; showPlace: boolean }) {
  const { t, locale } = useI18n();
  const o = t.places.occupancy;
  const n = numbers(locale);
  const columns: Column<Row>[] = [
    {
      id: 'resource',
      header: o.resource,
      isRowHeader: true,
      cell: (r) => (
        <>
          {r.resource}
          {showPlace && <span className="block small muted">{r.place}</span>}
        </>
      ),
    },
    { id: 'rate', header: o.rate, cell: (r) => <RateCell row={r} locale={locale} /> },
    { id: 'booked', header: o.booked, cell: (r) => o.hours(n.hours(r.bookedHours)) },
    { id: 'open', header: o.open, cell: (r) => o.hours(n.hours(r.openHours)) },
    { id: 'bookings', header: o.bookings, cell: (r) => String(r.bookings) },
    { id: 'noShows', header: o.noShows, cell: (r) => String(r.noShows) },
  ];
  return <DataTable caption={o.caption(...days)} columns={columns} rows={data.items} rowKey={(r) => r.resourceId} />;
}

type ControlsProps = {
  period: OccupancyPeriod;
  places: Place[];
  placeId: string | undefined;
  isCurrent: boolean;
  onPeriod: (period: string) => void;
  onPlace: (placeId: string) => void;
  /** -1 and 1: the previous and next period; 0: the current one. */
  onStep: (k: -1 | 0 | 1) => void;
};

/** The period (week or month), the place, and moving from one period to the next. */
function OccupancyControls({ period, places, placeId, isCurrent, onPeriod, onPlace, onStep }: ControlsProps) {
  const { t } = useI18n();
  const o = t.places.occupancy;
  return (
    <div className="availability-nav">
      <Segmented
        label={o.period}
        value={period}
        onChange={onPeriod}
        options={[
          { id: 'week', short: o.week, long: o.weekLong },
          { id: 'month', short: o.month, long: o.monthLong },
        ]}
      />
      <SelectField
        label={o.place}
        value={placeId ?? all}
        onChange={onPlace}
        options={[{ id: all, label: o.allPlaces }, ...places.map((p) => ({ id: p.id, label: p.name }))]}
      />
      <div className="actions-row compact">
        <Button variant="secondary" onPress={() => onStep(-1)}>
          <span aria-hidden="true">← </span>
          {o.previous}
        </Button>
        <Button variant="secondary" isDisabled={isCurrent} onPress={() => onStep(0)}>
          {o.current}
        </Button>
        <Button variant="secondary" onPress={() => onStep(1)}>
          {o.next}
          <span aria-hidden="true"> →</span>
        </Button>
      </div>
    </div>
  );
}

function OccupancyReport({ territory, places }: { territory: TerritoryDetail; places: Place[] }) {
  const { t, locale } = useI18n();
  const o = t.places.occupancy;
  const zone = territory.timeZone;
  const [params, setParams] = useSearchParams();
  const period: OccupancyPeriod = params.get('periode') === 'mois' ? 'month' : 'week';
  const today = todayIn(zone);
  const date = isIsoDate(params.get('date')) ? (params.get('date') as string) : today;
  const placeId = places.some((p) => p.id === params.get('lieu')) ? (params.get('lieu') as string) : undefined;
  const report = useApi<Occupancy>(placesPaths.occupancy(territory.slug, period, date, placeId));
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const step = (k: number) => go({ date: period === 'week' ? addDays(date, 7 * k) : shiftMonth(date, k) });
  const data = report.status === 'ok' ? report.data : null;
  const first = data ? localDate(data.from, zone) : null;
  const last = data ? addDays(localDate(data.to, zone), -1) : null;
  const range = first && last ? o.range(formatDay(first, locale), formatDay(last, locale)) : '';
  return (
    <>
      <OccupancyControls
        period={period}
        places={places}
        placeId={placeId}
        isCurrent={date === today}
        onPeriod={(v) => go({ periode: v === 'month' ? 'mois' : null })}
        onPlace={(v) => go({ lieu: v === all ? null : v })}
        onStep={(k) => (k === 0 ? go({ date: null }) : step(k))}
      />
      <p className="field-hint">{o.hint}</p>
      {report.status === 'loading' && <Loading label={t.common.loading} />}
      {report.status === 'error' && <ProblemAlert error={report.error} onRetry={report.reload} />}
      {data && (
        <section aria-labelledby="occupancy-range">
          <h2 id="occupancy-range">{range}</h2>
          {data.items.length === 0 ? (
            <p className="empty">{o.empty}</p>
          ) : (
            <OccupancyTable data={data} days={[formatDay(first ?? '', locale), formatDay(last ?? '', locale)]} showPlace={!placeId} />
          )}
          {first && last && <CsvExportLink slug={territory.slug} timeZone={zone} placeId={placeId} from={first} to={last} />}
        </section>
      )}
    </>
  );
}

/** The place managers' occupancy figures: booked hours over open hours per resource, by week or month. */
export function OccupancyPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <PlacesFrame heading={t.places.occupancy.heading} access="manager" nav={<ManagerNav slug={slug} />}>
      {(territory) => <OccupancyLoader territory={territory} />}
    </PlacesFrame>
  );
}

function OccupancyLoader({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const places = useApi<{ items: Place[] }>(placesPaths.places(territory.slug));
  if (places.status === 'loading') return <Loading label={t.common.loading} />;
  if (places.status === 'error') return <ProblemAlert error={places.error} onRetry={places.reload} />;
  return <OccupancyReport territory={territory} places={places.data.items} />;
}
