import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, usePageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading, Pagination } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { CallDates, CallThemes } from './call-summary.tsx';
import { callsHref, callsPaths, isCallManager, type PublicCall, pick } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';

function CallCard({ call, slug }: { call: PublicCall; slug: string }) {
  const { locale } = useI18n();
  const description = pick(locale, call.descriptionFr, call.descriptionEn);
  return (
    <li className="result-card">
      <h2 className="result-title">
        <Link href={callsHref.call(slug, call.slug)}>{pick(locale, call.titleFr, call.titleEn)}</Link>
      </h2>
      <CallDates call={call} />
      {description && <p className="result-text call-excerpt">{description}</p>}
      <CallThemes call={call} />
    </li>
  );
}

function Calls({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const c = t.calls.list;
  const { session } = useSession();
  const page = usePageParam();
  const list = useApi<Page<PublicCall>>(callsPaths.calls(territory.slug, page));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  // Staff see every call here; the portal lists the published ones only.
  const items = list.data.items.filter((call) => call.status === 'published');
  return (
    <>
      <p className="lead">{c.intro}</p>
      <ul className="link-list inline-links">
        {session?.user && (
          <li>
            <Link href={callsHref.mine(territory.slug)}>{t.calls.links.mine}</Link>
          </li>
        )}
        {isCallManager(session, territory.slug) && (
          <li>
            <Link href={callsHref.staff(territory.slug)}>{t.calls.links.manage}</Link>
          </li>
        )}
      </ul>
      {items.length === 0 ? (
        <p className="empty">{c.empty}</p>
      ) : (
        <ul className="result-list">
          {items.map((call) => (
            <CallCard key={call.id} call={call} slug={territory.slug} />
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(list.data.total / list.data.pageSize)}
        hrefFor={(p) => `${callsHref.list(territory.slug)}${p > 1 ? `?page=${p}` : ''}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

/** The territory's published calls for projects, open ones first as the server orders them. */
export function CallsPage() {
  const { t } = useI18n();
  return <CallsFrame heading={t.calls.list.heading}>{(territory) => <Calls territory={territory} />}</CallsFrame>;
}
