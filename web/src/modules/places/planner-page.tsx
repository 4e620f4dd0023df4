import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, apiRequest } from '../../api/client.ts';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Locale } from '../../i18n/locale.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, type Column, DataTable, Loading, Segmented, SelectField } from '../../ui/index.ts';
import { StatusBadge } from './booking-actions.tsx';
import { type Availability, type Booking, type Place, placesPaths, type Resource } from './places.api.ts';
import { ManagerNav, PlacesFrame } from './places-frame.tsx';
import { addDays, formatClock, formatDay, formatShortDay, isIsoDate, localDate, mondayOf, todayIn } from './places-time.ts';
import { PlannerCheckIn } from './planner-check-in.tsx';
import { cellsOfDay, unavailableLabel } from './slot-grid.tsx';

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; byResource: Map<string, Availability> };

/** The availability of every resource of a place over the same days, read together. */
function useAvailabilities(slug: string, resources: Resource[], first: string, days: number): Loaded {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const ids = resources.map((r) => r.id).join(',');
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    const list = ids ? ids.split(',') : [];
    Promise.all(list.map((id) => apiRequest<Availability>(placesPaths.availability(slug, id, first, days), { signal: controller.signal })))
      .then((all) => setState({ status: 'ok', byResource: new Map(all.map((a) => [a.resourceId, a])) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof ApiError ? error : new Error('network') });
      });
    return () => controller.abort();
  }, [slug, ids, first, days]);
  return state;
}

/** One resource's day: its bookings and blockings, and the free time between them. */
function DayCell({
  slug,
  availability,
  bookings,
  date,
  locale,
}: {
  slug: string;
  availability: Availability;
  bookings: Booking[];
  date: string;
  locale: Locale;
}) {
  const { t } = useI18n();
  const pl = t.places.planner;
  const zone = availability.timeZone;
  const time = (iso: string) => formatClock(iso, locale, zone);
  const cells = cellsOfDay(availability.slots, date, zone, 0);
  if (!cells.some((c) => c.state !== 'closed')) return <span className="muted">{pl.closed}</span>;
  // Free slots merged into runs: a manager reads « libre 14:00 – 18:00 », not eight lines.
  const free: { start: string; end: string }[] = [];
  for (const c of cells) {
    const last = free.at(-1);
    if (c.state !== 'free') continue;
    if (last && last.end === c.start) last.end = c.end;
    else free.push({ start: c.start, end: c.end });
  }
  const items = [
    ...bookings.map((b) => ({ at: b.start, node: <BookingLine key={b.id} slug={slug} booking={b} time={time} zone={zone} /> })),
    // Open time that cannot be booked any more (or not yet), said in words rather than left out.
    ...cells
      .filter((c) => c.state === 'unavailable')
      .map((c) => ({
        at: c.start,
        node: (
          <li key={`unavailable-${c.start}`} className="planner-unavailable">
            <span className="slot-time">{`${time(c.start)} – ${time(c.end)}`}</span> {unavailableLabel(c.slot, locale)}
          </li>
        ),
      })),
    ...free.map((f) => ({
      at: f.start,
      node: (
        <li key={`free-${f.start}`} className="planner-free">
          {pl.free(time(f.start), time(f.end))}
        </li>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return <ul className="planner-items">{items.map((i) => i.node)}</ul>;
}

function BookingLine({ slug, booking: b, time, zone }: { slug: string; booking: Booking; time: (iso: string) => string; zone: string }) {
  const { t } = useI18n();
  const name = b.booker?.name ?? '—';
  const who =
    b.kind === 'blocking'
      ? t.places.manage.blockingReason(b.note ?? '')
      : b.organization
        ? t.places.bookFor.bookerFor(name, b.organization.name)
        : name;
  return (
    <li className={`planner-booking planner-${b.kind}`}>
      <span className="slot-time">{`${time(b.start)} – ${time(b.end)}`}</span> <span>{who}</span>{' '}
      <StatusBadge status={b.status} kind={b.kind} /> <PlannerCheckIn slug={slug} booking={b} timeZone={zone} />
    </li>
  );
}

function Planner({ territory, places }: { territory: TerritoryDetail; places: Place[] }) {
  const { t, locale } = useI18n();
  const pl = t.places.planner;
  const zone = territory.timeZone;
  const [params, setParams] = useSearchParams();
  const place = places.find((p) => p.id === params.get('lieu')) ?? places[0];
  const week = params.get('vue') === 'semaine';
  const date = isIsoDate(params.get('date')) ? (params.get('date') as string) : todayIn(zone);
  const first = week ? mondayOf(date) : date;
  const days = week ? 7 : 1;
  const dates = Array.from({ length: days }, (_, i) => addDays(first, i));
  const resources = (place?.resources ?? []).filter((r) => r.isActive);
  const availability = useAvailabilities(territory.slug, resources, first, days);
  const from = availability.status === 'ok' ? [...availability.byResource.values()][0]?.from : undefined;
  const to = availability.status === 'ok' ? [...availability.byResource.values()][0]?.to : undefined;
  const bookings = useApi<Page<Booking>>(
    place && from && to ? placesPaths.bookingList(territory.slug, { placeId: place.id, from, to, pageSize: 100 }) : null,
  );
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const holding = bookings.status === 'ok' ? bookings.data.items.filter((b) => b.status === 'pending' || b.status === 'confirmed') : [];
  const period = week ? pl.weekOf(formatDay(first, locale)) : formatDay(date, locale);
  return (
    <>
      <div className="availability-nav">
        <SelectField
          label={pl.place}
          value={place?.id ?? null}
          onChange={(v) => go({ lieu: v })}
          options={places.map((p) => ({ id: p.id, label: p.name }))}
        />
        <Segmented
          label={t.places.availability.view}
          value={week ? 'week' : 'day'}
          onChange={(v) => go({ vue: v === 'week' ? 'semaine' : null })}
          options={[
            { id: 'day', short: t.places.availability.day, long: t.places.availability.dayLong },
            { id: 'week', short: t.places.availability.week, long: t.places.availability.weekLong },
          ]}
        />
        <div className="actions-row compact">
          <Button variant="secondary" onPress={() => go({ date: addDays(date, week ? -7 : -1) })}>
            <span aria-hidden="true">← </span>
            {week ? t.places.availability.previousWeek : t.places.availability.previousDay}
          </Button>
          <Button variant="secondary" onPress={() => go({ date: addDays(date, week ? 7 : 1) })}>
            {week ? t.places.availability.nextWeek : t.places.availability.nextDay}
            <span aria-hidden="true"> →</span>
          </Button>
        </div>
      </div>
      {resources.length === 0 && <p className="empty">{t.places.place.noResources}</p>}
      {availability.status === 'loading' && resources.length > 0 && <Loading label={t.common.loading} />}
      {availability.status === 'error' && <ProblemAlert error={availability.error} />}
      {bookings.status === 'error' && <ProblemAlert error={bookings.error} onRetry={bookings.reload} />}
      {availability.status === 'ok' && resources.length > 0 && (
        <DataTable
          caption={pl.caption(place?.name ?? '', period)}
          rows={resources}
          rowKey={(r) => r.id}
          columns={[
            { id: 'resource', header: pl.resource, isRowHeader: true, cell: (r) => r.name },
            ...dates.map(
              (d): Column<Resource> => ({
                id: d,
                header: formatShortDay(d, locale),
                cell: (r) => {
                  const a = availability.byResource.get(r.id);
                  const mine = holding.filter((b) => b.resource.id === r.id && localDate(b.start, zone) === d);
                  return a ? <DayCell slug={territory.slug} availability={a} date={d} locale={locale} bookings={mine} /> : null;
                },
              }),
            ),
          ]}
        />
      )}
    </>
  );
}

/** The managers' planner: a place's resources as rows, the day or the week as columns. */
export function PlannerPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <PlacesFrame heading={t.places.planner.heading} access="manager" nav={<ManagerNav slug={slug} />}>
      {(territory) => <PlannerLoader territory={territory} />}
    </PlacesFrame>
  );
}

function PlannerLoader({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const places = useApi<{ items: Place[] }>(placesPaths.places(territory.slug));
  if (places.status === 'loading') return <Loading label={t.common.loading} />;
  if (places.status === 'error') return <ProblemAlert error={places.error} onRetry={places.reload} />;
  if (places.data.items.length === 0) return <p className="empty">{t.places.manage.noPlaces}</p>;
  return <Planner territory={territory} places={places.data.items} />;
}
