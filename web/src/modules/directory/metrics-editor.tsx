import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, type Column, ConfirmDialog, DataTable, Loading } from '../../ui/index.ts';
import { directoryPaths, formatEuros, type Metric, metricKinds } from './directory.api.ts';
import { AddMetric } from './metric-form.tsx';
import { dateLabel, useEditableList, useFocusAfterRender } from './staff-helpers.ts';

/** Newest first, as the server sends them: by date, then by time of recording. */
const newestFirst = (items: Metric[]) => [...items].sort((x, y) => y.asOf.localeCompare(x.asOf) || y.createdAt.localeCompare(x.createdAt));

/** A figure's value as people read it: « 12 personnes », « 450 000 € » (exact), « 100 k€ à 500 k€ ». */
function useShown(): (m: Metric) => string {
  const { t, locale } = useI18n();
  const d = t.directory;
  return (x) =>
    x.metric === 'revenue_band'
      ? (d.revenueBands[x.band ?? ''] ?? x.band ?? '—')
      : x.metric === 'funds_raised'
        ? formatEuros(x.value ?? 0, locale, true)
        : d.metrics.people(formatNumber(x.value ?? 0, locale));
}

/** The latest figure of each kind (the history is newest first). */
function LatestFigures({ items }: { items: Metric[] }) {
  const { t, locale } = useI18n();
  const m = t.directory.metrics;
  const shown = useShown();
  return (
    <>
      <h3>{m.latest}</h3>
      <dl className="detail-list">
        {metricKinds.map((k) => {
          const latest = items.find((x) => x.metric === k);
          return (
            <div key={k}>
              <dt>{m.kinds[k] ?? k}</dt>
              <dd>{latest ? `${shown(latest)} ${m.asOf(dateLabel(latest.asOf, locale))}` : m.none}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

/** Every figure recorded, each deletable after confirmation. */
function MetricsTable({ items, onRemove }: { items: Metric[]; onRemove: (m: Metric) => Promise<void> }) {
  const { t, locale } = useI18n();
  const m = t.directory.metrics;
  const shown = useShown();
  const named = (x: Metric) => [`${m.kinds[x.metric] ?? x.metric} ${shown(x)}`, dateLabel(x.asOf, locale)] as const;
  const columns: Column<Metric>[] = [
    { id: 'metric', header: m.metric, cell: (x) => m.kinds[x.metric] ?? x.metric, isRowHeader: true },
    { id: 'value', header: m.value, cell: shown },
    { id: 'date', header: m.date, cell: (x) => dateLabel(x.asOf, locale) },
    { id: 'source', header: m.source, cell: (x) => x.source ?? '—' },
    {
      id: 'actions',
      header: m.actions,
      cell: (x) => (
        <ConfirmDialog
          trigger={m.remove}
          triggerLabel={m.removeOf(...named(x))}
          title={m.removeOf(...named(x))}
          confirmLabel={m.remove}
          cancelLabel={t.directory.confirm.cancel}
          onConfirm={() => onRemove(x)}
        >
          <p>{m.removeConfirm(...named(x))}</p>
        </ConfirmDialog>
      ),
    },
  ];
  return <DataTable caption={m.caption} columns={columns} rows={items} rowKey={(x) => x.id} />;
}

/** An organisation's dated figures: the latest of each, the whole history, adding and deleting one. */
export function MetricsEditor({ territory, organizationId }: { territory: TerritoryDetail; organizationId: string }) {
  const { t } = useI18n();
  const m = t.directory.metrics;
  const { list, items, setItems } = useEditableList<Metric>(`${directoryPaths.metrics(territory.slug, organizationId)}?pageSize=200`);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const focusLater = useFocusAfterRender();
  const done = (message: string, next: Metric[]) => {
    setItems(newestFirst(next));
    setError(null);
    setNotice(message);
  };
  const remove = async (x: Metric) => {
    try {
      await apiRequest(directoryPaths.metric(territory.slug, organizationId, x.id), { method: 'DELETE' });
      done(
        m.removed,
        (items ?? []).filter((i) => i.id !== x.id),
      );
      // The row and its button are gone: the section's heading takes the focus.
      focusLater('metrics');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="metrics" className="form-section">
      <h2 id="metrics" tabIndex={-1}>
        {m.heading}
      </h2>
      <p className="muted">{m.intro}</p>
      <div role="status">{notice && <Alert tone="success" announce={false} title={notice} />}</div>
      <ProblemAlert error={error} />
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {!items && list.status === 'loading' && <Loading label={t.common.loading} />}
      {items && (
        <>
          <LatestFigures items={items} />
          {items.length === 0 ? <p className="empty">{m.empty}</p> : <MetricsTable items={items} onRemove={remove} />}
          <AddMetric
            slug={territory.slug}
            organizationId={organizationId}
            timeZone={territory.timeZone}
            onAdded={(added) => done(m.added, [...items, added])}
          />
        </>
      )}
    </section>
  );
}
