import type { ApiState } from '../../api/use-api.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { directoryPaths, type Figures, formatEuros, isDirectoryStaff, type PublicOrganization, type SearchPage } from './directory.api.ts';

/**
 * The figures endpoint when the server has it; otherwise the organisations by kind, counted by the
 * search facets (jobs and funds are then left out rather than guessed).
 */
function useFigures(slug: string): Figures | null {
  const figures: ApiState<Figures> = useApi<Figures>(directoryPaths.figures(slug));
  const search = useApi<SearchPage<PublicOrganization>>(figures.status === 'error' ? directoryPaths.search(slug, '?pageSize=1') : null);
  if (figures.status === 'ok') return figures.data;
  if (figures.status === 'error' && search.status === 'ok') {
    const byKind = search.data.facets.kind.map((f) => ({ kind: f.value, count: f.count }));
    return { organizations: { total: search.data.total, byKind }, jobs: null, fundsRaisedCents: null, asOf: null };
  }
  return null;
}

/** On a territory's home: the ecosystem's key figures and the ways into the directory. */
export function DirectoryHighlights({ slug, timeZone }: { slug: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const figures = useFigures(slug);
  const { session } = useSession();
  return (
    <section aria-labelledby="directory-figures" className="panel">
      <h2 id="directory-figures">{d.figures.heading}</h2>
      {figures &&
        (figures.organizations.total === 0 ? (
          <p className="empty">{d.figures.empty}</p>
        ) : (
          <>
            <dl className="facts">
              <div>
                <dt>{d.figures.organizations}</dt>
                <dd className="facts-number">{formatNumber(figures.organizations.total, locale)}</dd>
              </div>
              {figures.jobs !== null && (
                <div>
                  <dt>{d.figures.jobs}</dt>
                  <dd className="facts-number">{formatNumber(figures.jobs, locale)}</dd>
                </div>
              )}
              {figures.fundsRaisedCents !== null && (
                <div>
                  <dt>{d.figures.fundsRaised}</dt>
                  <dd className="facts-number">{formatEuros(figures.fundsRaisedCents, locale)}</dd>
                </div>
              )}
            </dl>
            <h3 className="small-heading">{d.figures.byKind}</h3>
            <ul className="kind-bars">
              {figures.organizations.byKind.map((k) => (
                <li key={k.kind}>
                  <span className="kind-bars-label">{d.kinds[k.kind] ?? k.kind}</span>
                  <span className="kind-bars-bar" aria-hidden="true">
                    <span style={{ width: `${(100 * k.count) / Math.max(1, ...figures.organizations.byKind.map((x) => x.count))}%` }} />
                  </span>
                  <span className="kind-bars-count">{formatNumber(k.count, locale)}</span>
                </li>
              ))}
            </ul>
            {figures.asOf && <p className="small muted">{d.figures.asOf(formatDate(figures.asOf, locale, timeZone))}</p>}
          </>
        ))}
      <ul className="link-list">
        <li>
          <Link href={`/t/${slug}/annuaire`}>{d.figures.directoryLink}</Link>
        </li>
        <li>
          <Link href={`/t/${slug}/reseau`}>{d.figures.networkLink}</Link>
        </li>
        {isDirectoryStaff(session, slug) && (
          <li>
            <Link href={`/t/${slug}/gestion/annuaire`}>{d.staff.link}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
