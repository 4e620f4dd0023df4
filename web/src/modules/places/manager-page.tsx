import { type FormEvent, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, DataTable, Link, Loading, Pagination, SelectField } from '../../ui/index.ts';
import { BlockingForm } from './blocking-form.tsx';
import { type ActionResult, CancelBooking, DecideBooking, StatusBadge, useBookingOutcome } from './booking-actions.tsx';
import { CsvExportLink } from './export-link.tsx';
import { type Booking, type BookingStatus, bookingStatuses, type Place, placesPaths } from './places.api.ts';
import { ManagerNav, PlacesFrame } from './places-frame.tsx';
import { addDays, formatPeriod, isIsoDate, startOfLocalDay, todayIn } from './places-time.ts';

const pageSize = 50;
const all = '__all';

type Filters = { lieu: string; ressource: string; statut: string; du: string; au: string };

function FilterForm({ places, value, onApply }: { places: Place[]; value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const m = t.places.manage;
  const [f, setF] = useState(value);
  const set = (k: keyof Filters) => (v: string) => setF((x) => ({ ...x, [k]: v, ...(k === 'lieu' ? { ressource: all } : {}) }));
  const resources = places.filter((p) => f.lieu === all || p.id === f.lieu).flatMap((p) => p.resources);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <search>
      <form onSubmit={submit} className="form-section" aria-labelledby="booking-filters">
        <h2 id="booking-filters">{m.filters}</h2>
        <div className="form-grid">
          <SelectField
            label={m.place}
            value={f.lieu}
            onChange={set('lieu')}
            options={[{ id: all, label: m.allPlaces }, ...places.map((p) => ({ id: p.id, label: p.name }))]}
          />
          <SelectField
            label={m.resource}
            value={f.ressource}
            onChange={set('ressource')}
            options={[{ id: all, label: m.allResources }, ...resources.map((r) => ({ id: r.id, label: r.name }))]}
          />
          <SelectField
            label={m.status}
            value={f.statut}
            onChange={set('statut')}
            options={[{ id: all, label: m.allStatuses }, ...bookingStatuses.map((s) => ({ id: s, label: t.places.statuses[s] ?? s }))]}
          />
          {(['du', 'au'] as const).map((k) => (
            <div className="field" key={k}>
              <label className="field-label" htmlFor={`filter-${k}`}>
                {k === 'du' ? m.from : m.to}
              </label>
              <input
                id={`filter-${k}`}
                type="date"
                className="field-input field-date"
                value={f[k]}
                onChange={(e) => set(k)(e.target.value)}
              />
            </div>
          ))}
        </div>
        <div className="actions-row compact">
          <Button type="submit">{m.apply}</Button>
        </div>
      </form>
    </search>
  );
}

function BookingsList({ territory, places }: { territory: TerritoryDetail; places: Place[] }) {
  const { t, locale } = useI18n();
  const m = t.places.manage;
  const zone = territory.timeZone;
  const [params, setParams] = useSearchParams();
  const today = todayIn(zone);
  const get = (k: string, fallback = all) => params.get(k) || fallback;
  const filters: Filters = {
    lieu: get('lieu'),
    ressource: get('ressource'),
    statut: get('statut'),
    du: get('du', today),
    au: get('au', ''),
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const path = placesPaths.bookingList(territory.slug, {
    placeId: filters.lieu === all ? undefined : filters.lieu,
    resourceId: filters.ressource === all ? undefined : filters.ressource,
    status: filters.statut === all ? undefined : (filters.statut as BookingStatus),
    from: isIsoDate(filters.du) ? startOfLocalDay(filters.du, zone).toISOString() : undefined,
    to: isIsoDate(filters.au) ? startOfLocalDay(addDays(filters.au, 1), zone).toISOString() : undefined,
    page,
    pageSize,
  });
  const list = useApi<Page<Booking>>(path);
  const loaded = list.status === 'ok' ? list.data.items : null;
  const [items, setItems] = useState<Booking[] | null>(null);
  useEffect(() => setItems(loaded), [loaded]);
  const outcome = useBookingOutcome((b) => setItems((xs) => xs?.map((x) => (x.id === b.id ? b : x)) ?? null));
  const apply = (f: Filters) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v && v !== all && !(k === 'du' && v === today)) next.set(k, v);
    setParams(next);
  };
  const done = (message: string) => (r: ActionResult) => outcome.settle(r, message);
  // Several rows changed: the page is read again, the outcome announced.
  const seriesCancelled = (count: number) => {
    outcome.announce(t.places.cancel.seriesCancelled(count));
    list.reload();
  };
  const decided = (r: ActionResult) => done('booking' in r && r.booking.status === 'rejected' ? m.rejected : m.approved)(r);
  const columns: Column<Booking>[] = [
    {
      id: 'resource',
      header: m.resource,
      isRowHeader: true,
      cell: (b) => (
        <>
          {b.resource.name}
          <span className="block small muted">{b.place.name}</span>
        </>
      ),
    },
    { id: 'when', header: m.when, cell: (b) => formatPeriod(b.start, b.end, locale, zone) },
    {
      id: 'booker',
      header: m.booker,
      cell: (b) =>
        b.kind === 'blocking' ? (
          <span>{m.blockingReason(b.note ?? '')}</span>
        ) : b.booker ? (
          <>
            {b.booker.name}
            {b.booker.email && <span className="block small muted break-word">{b.booker.email}</span>}
            {b.organization && <span className="block small">{t.places.bookFor.forOrganization(b.organization.name)}</span>}
          </>
        ) : (
          '—'
        ),
    },
    { id: 'status', header: m.status, cell: (b) => <StatusBadge status={b.status} kind={b.kind} /> },
    {
      id: 'note',
      header: m.note,
      cell: (b) =>
        (b.kind === 'booking' && b.note) || b.cancelReason ? (
          <>
            {b.kind === 'booking' && b.note && <span className="block">{b.note}</span>}
            {b.cancelReason && <span className="block small">{t.places.mine.reason(b.cancelReason)}</span>}
          </>
        ) : (
          '—'
        ),
    },
    {
      id: 'actions',
      header: m.actions,
      cell: (b) =>
        b.status === 'pending' || b.status === 'confirmed' ? (
          <div className="actions-row compact">
            {b.status === 'pending' && <DecideBooking slug={territory.slug} booking={b} timeZone={zone} onDone={decided} />}
            <CancelBooking
              slug={territory.slug}
              booking={b}
              timeZone={zone}
              asManager
              onDone={done(m.cancelled)}
              onSeriesCancelled={seriesCancelled}
            />
          </div>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <FilterForm key={params.toString()} places={places} value={filters} onApply={apply} />
      <div ref={outcome.box} tabIndex={-1} role="status" className="focus-target">
        {outcome.notice && <Alert tone="success" announce={false} title={outcome.notice} />}
      </div>
      <ProblemAlert error={outcome.error} />
      {list.status === 'loading' && <Loading label={t.common.loading} />}
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <>
          <p className="result-count">{m.count(list.data.total)}</p>
          <CsvExportLink
            slug={territory.slug}
            timeZone={zone}
            placeId={filters.lieu === all ? undefined : filters.lieu}
            from={filters.du}
            to={filters.au}
          />
          {(items ?? list.data.items).length === 0 ? (
            <p className="empty">{m.empty}</p>
          ) : (
            <DataTable caption={m.caption} columns={columns} rows={items ?? list.data.items} rowKey={(b) => b.id} />
          )}
          <Pagination
            page={page}
            pageCount={Math.ceil(list.data.total / pageSize)}
            hrefFor={(p) => `/t/${territory.slug}/gestion/lieux?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`}
            labels={pageLabels(t)}
          />
        </>
      )}
      <BlockingForm slug={territory.slug} places={places} timeZone={zone} onBlocked={() => list.reload()} />
    </>
  );
}

function Manager({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const places = useApi<{ items: Place[] }>(placesPaths.places(territory.slug));
  if (places.status === 'loading') return <Loading label={t.common.loading} />;
  if (places.status === 'error') return <ProblemAlert error={places.error} onRetry={places.reload} />;
  if (places.data.items.length === 0) {
    return <p className="empty">{t.places.manage.noPlaces}</p>;
  }
  return <BookingsList territory={territory} places={places.data.items} />;
}

/** The place managers' bookings: filters, approval of requests, cancellation with a reason, blockings. */
export function PlacesManagerPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <PlacesFrame heading={t.places.manage.heading} access="manager" nav={<ManagerNav slug={slug} />}>
      {(territory) => (
        <>
          <p className="lead">{t.places.manage.intro}</p>
          <Manager territory={territory} />
          <p>
            <Link href={`/t/${territory.slug}/gestion/lieux/planning`}>{t.places.manage.toPlanner}</Link>
          </p>
        </>
      )}
    </PlacesFrame>
  );
}
