import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, DataTable, Link, Loading, Pagination, SelectField } from '../../ui/index.ts';
import { type Enrolment, localDay, type Programme, pick, programmesHref, programmesPaths } from './programmes.api.ts';

const statuses = ['active', 'waitlisted', 'exited'] as const;

/** "18 / 20": the companies accompanied against the cap, as a meter for assistive technologies. */
function Gauge({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  const b = t.programmes.board;
  const { active } = programme.counts;
  return (
    <div className="programme-gauge">
      {programme.cap !== null && <meter id="programme-gauge" min={0} max={programme.cap} value={active} aria-label={b.gaugeLabel} />}
      <p className="programme-gauge-text">{b.gauge(active, programme.cap)}</p>
    </div>
  );
}

function Enrolments({
  territory,
  programme,
  status,
  page,
}: {
  territory: TerritoryDetail;
  programme: Programme;
  status: string;
  page: number;
}) {
  const { t, locale } = useI18n();
  const b = t.programmes.board;
  const list = useApi<Page<Enrolment>>(programmesPaths.enrolments(territory.slug, programme.id, status, page));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const columns: Column<Enrolment>[] = [
    ...(status === 'waitlisted' ? [{ id: 'position', header: b.position, cell: (e: Enrolment) => String(e.waitlistPosition ?? '') }] : []),
    { id: 'organization', header: b.organization, isRowHeader: true, cell: (e) => e.organization.name },
    ...(programme.entry === 'cohorts' ? [{ id: 'cohort', header: b.cohort, cell: (e: Enrolment) => e.cohort?.name ?? '—' }] : []),
    { id: 'entered', header: b.entered, cell: (e) => localDay(e.enteredOn, locale) },
    status === 'exited'
      ? {
          id: 'exited',
          header: b.exited,
          cell: (e) => `${localDay(e.exitedOn, locale)} (${t.programmes.reasons[e.exitReason ?? 'other']})`,
        }
      : { id: 'end', header: b.expectedEnd, cell: (e) => localDay(e.expectedEndOn, locale) },
    {
      id: 'open',
      header: b.open,
      cell: (e) => (
        <Link href={`/t/${territory.slug}/gestion/programmes/accompagnements/${e.id}`} aria-label={b.openLabel(e.organization.name)}>
          {b.open}
        </Link>
      ),
    },
  ];
  const { items, total, pageSize } = list.data;
  const label = t.programmes.statuses[status] ?? status;
  return (
    <>
      {items.length === 0 ? (
        <p className="empty">{b.none}</p>
      ) : (
        <DataTable caption={b.captionOf(label)} columns={columns} rows={items} rowKey={(e) => e.id} />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / pageSize)}
        hrefFor={(p) => `/t/${territory.slug}/gestion/programmes?programme=${programme.id}&statut=${status}&page=${p}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

type BoardProps = {
  territory: TerritoryDetail;
  programme: Programme;
  onChange: () => void;
  /** Kept by the parent: the board is drawn again once the programme's counts are reloaded. */
  promoted: string | null;
  setPromoted: (name: string | null) => void;
};

function Board({ territory, programme, onChange, promoted, setPromoted }: BoardProps) {
  const { t, locale } = useI18n();
  const b = t.programmes.board;
  const [params] = useSearchParams();
  const status = statuses.find((s) => s === params.get('statut')) ?? 'active';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [error, setError] = useState<unknown>(null);
  const base = `/t/${territory.slug}/gestion/programmes?programme=${programme.id}`;
  const promote = async () => {
    setError(null);
    setPromoted(null);
    try {
      const e = await apiRequest<Enrolment>(programmesPaths.promote(territory.slug, programme.id), { method: 'POST' });
      setPromoted(e.organization.name);
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="programme-board">
      <h2 id="programme-board">{pick(locale, programme.nameFr, programme.nameEn)}</h2>
      <Gauge programme={programme} />
      <p>
        <Link href={programmesHref.edit(territory.slug, programme.id)}>{b.edit}</Link>
        {' · '}
        <Link href={`/t/${territory.slug}/gestion/programmes/${programme.id}/rapport`}>{b.report}</Link>
        {programme.isPublished && (
          <>
            {' · '}
            <Link href={`/t/${territory.slug}/programmes/${programme.slug}`}>{b.publicPage}</Link>
          </>
        )}
      </p>
      <nav aria-label={b.tabs} className="staff-nav">
        <ul>
          {statuses.map((s) => (
            <li key={s}>
              <Link href={`${base}&statut=${s}`} aria-current={s === status ? 'page' : undefined}>
                {`${t.programmes.statuses[s]} (${s === 'exited' ? programme.counts.alumni : programme.counts[s]})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {status === 'waitlisted' && programme.counts.waitlisted > 0 && <Button onPress={() => void promote()}>{b.promote}</Button>}
      {promoted && <Alert tone="success" title={b.promoted(promoted)} />}
      <ProblemAlert error={error} />
      <Enrolments
        key={`${status}-${page}-${programme.counts.active}`}
        territory={territory}
        programme={programme}
        status={status}
        page={page}
      />
    </section>
  );
}

/** The staff's programme board: enrolments by status with the cap gauge, the waitlist and its promotion. */
export function ProgrammesBoard({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const b = t.programmes.board;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const list = useApi<{ items: Programme[] }>(programmesPaths.programmes(territory.slug));
  const [promoted, setPromoted] = useState<string | null>(null);
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const items = list.data.items;
  const create = (
    <p>
      <Link variant="button" href={programmesHref.create(territory.slug)}>
        {b.newProgramme}
      </Link>
    </p>
  );
  const current = items.find((p) => p.id === params.get('programme')) ?? items[0];
  if (!current)
    return (
      <>
        <p className="empty">{b.empty}</p>
        {create}
      </>
    );
  return (
    <>
      {create}
      <SelectField
        label={b.choose}
        options={items.map((p) => ({ id: p.id, label: pick(locale, p.nameFr, p.nameEn) }))}
        value={current.id}
        onChange={(id) => void navigate(`/t/${territory.slug}/gestion/programmes?programme=${id}`)}
      />
      <Board territory={territory} programme={current} onChange={list.reload} promoted={promoted} setPromoted={setPromoted} />
    </>
  );
}
