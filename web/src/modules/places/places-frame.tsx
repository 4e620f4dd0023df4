import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { isPlaceManager, placesPaths } from './places.api.ts';

/** Who may see a page: anyone, a signed-in person, or the territory's place managers. */
export type FrameAccess = 'public' | 'signed_in' | 'manager';

export type PlacesFrameProps = {
  /** The page's title and main heading; null while the page does not know it yet (a place's name). */
  heading: string | null;
  access?: FrameAccess;
  back?: { href: string; label: string };
  /** Shown above the heading when the person may see the page (the managers' navigation). */
  nav?: ReactNode;
  children: (territory: TerritoryDetail) => ReactNode;
};

/**
 * A page of the places module: the territory (for its name and time zone), the guard its access
 * asks for, a way back, the heading, then the content.
 */
export function PlacesFrame({ heading, access = 'public', back, nav, children }: PlacesFrameProps) {
  const { t } = useI18n();
  const p = t.places;
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(placesPaths.territory(slug));
  const name = detail.status === 'ok' ? detail.data.name : null;
  usePageTitle(detail.status === 'error' ? t.territory.notFound : heading && name ? `${heading} – ${name}` : null);

  let body: ReactNode;
  let allowed = false;
  if (detail.status === 'loading' || (access !== 'public' && !session)) body = <Loading label={t.common.loading} />;
  else if (detail.status === 'error') {
    return (
      <div>
        <h1>{t.territory.notFound}</h1>
        <ProblemAlert error={detail.error} onRetry={detail.error.problem.status === 404 ? undefined : detail.reload} />
      </div>
    );
  } else if (access !== 'public' && !session?.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    body = (
      <Alert tone="info" title={t.guard.signInRequired}>
        <Link href={`/sign-in?next=${next}`}>{t.account.signIn}</Link>
      </Alert>
    );
  } else if (access === 'manager' && !isPlaceManager(session, slug)) body = <Alert tone="error" title={p.manage.forbidden} />;
  else {
    allowed = true;
    body = children(detail.data);
  }

  return (
    <div className="places">
      <p className="back-link">
        <Link href={back?.href ?? `/t/${slug}`}>
          <span aria-hidden="true">← </span>
          {back?.label ?? t.back.toTerritory(name ?? slug)}
        </Link>
      </p>
      {allowed && nav}
      {heading && <h1>{heading}</h1>}
      {body}
    </div>
  );
}

/** The managers' navigation between the bookings list, the planner, occupancy and the trainings. */
export function ManagerNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  const m = t.places.manage;
  const { pathname } = useLocation();
  const base = `/t/${slug}/gestion/lieux`;
  const links = [
    { href: base, label: m.bookings },
    { href: `${base}/planning`, label: m.planner },
    { href: `${base}/occupation`, label: t.places.occupancy.nav },
    { href: `${base}/formations`, label: t.places.trainingsManage.nav },
    { href: `/t/${slug}/lieux`, label: m.portal },
  ];
  return (
    <nav aria-label={m.nav} className="staff-nav">
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={pathname === l.href ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
