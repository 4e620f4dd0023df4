import { useParams } from 'react-router';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, usePageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { DataTable, Link, Loading, Pagination } from '../../ui/index.ts';
import { formatWhen } from './call-summary.tsx';
import { callsHref, callsPaths, type PublicCall, pick } from './calls.api.ts';
import { CallsFrame, StaffNav } from './calls-frame.tsx';

function StaffCalls({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const s = t.calls.staff;
  const e = t.calls.editor;
  const page = usePageParam();
  const slug = territory.slug;
  const list = useApi<Page<PublicCall>>(callsPaths.calls(slug, page));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const when = (c: PublicCall) =>
    c.intake === 'continuous'
      ? t.calls.call.continuous
      : c.closesAt
        ? t.calls.call.closes(formatWhen(c.closesAt, locale, c.timeZone))
        : '—';
  return (
    <>
      <p className="actions-row">
        <Link variant="button" href={callsHref.staffNew(slug)}>
          {s.newCall}
        </Link>
      </p>
      {list.data.items.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <DataTable
          caption={s.caption}
          rowKey={(c) => c.id}
          rows={list.data.items}
          columns={[
            {
              id: 'title',
              header: s.title,
              isRowHeader: true,
              cell: (c) => <Link href={callsHref.staffCall(slug, c.slug)}>{pick(locale, c.titleFr, c.titleEn)}</Link>,
            },
            { id: 'status', header: s.status, cell: (c) => <span className="badge">{e.callStatuses[c.status]}</span> },
            { id: 'when', header: s.when, cell: when },
            {
              id: 'pipeline',
              header: s.pipeline,
              cell: (c) => (
                <Link href={callsHref.staffApplications(slug, c.slug)} aria-label={s.pipelineOf(pick(locale, c.titleFr, c.titleEn))}>
                  {s.navApplications}
                </Link>
              ),
            },
          ]}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(list.data.total / list.data.pageSize)}
        hrefFor={(p) => `${callsHref.staff(slug)}${p > 1 ? `?page=${p}` : ''}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

/** The staff's calls: every status, with the way to edit each one and to its applications. */
export function StaffCallsPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <CallsFrame heading={t.calls.staff.heading} access="staff" nav={<StaffNav slug={slug} />}>
      {(territory) => <StaffCalls territory={territory} />}
    </CallsFrame>
  );
}
