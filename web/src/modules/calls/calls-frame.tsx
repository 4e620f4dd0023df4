import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import type { Messages } from '../../i18n/fr.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading, type PaginationLabels } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { callsHref, callsPaths, isCallManager } from './calls.api.ts';

/** Who may see a page: anyone, a signed-in person, or the territory's staff. */
export type FrameAccess = 'public' | 'signed_in' | 'staff';

export type CallsFrameProps = {
  /** The page's title and main heading; null while the page does not know it yet (a call's title). */
  heading: string | null;
  access?: FrameAccess;
  back?: { href: string; label: string };
  /** Shown above the heading when the person may see the page (the staff's navigation). */
  nav?: ReactNode;
  children: (territory: TerritoryDetail) => ReactNode;
};

/**
 * A page of the calls module: the territory (for its name, time zone and themes), the guard its
 * access asks for, a way back, the heading, then the content.
 */
export function CallsFrame({ heading, access = 'public', back, nav, children }: CallsFrameProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(callsPaths.territory(slug));
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
  } else if (access === 'staff' && !isCallManager(session, slug)) body = <Alert tone="error" title={t.calls.staff.forbidden} />;
  else {
    allowed = true;
    body = children(detail.data);
  }

  return (
    <div className="calls">
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

/** The staff's navigation between the calls they manage and the portal. */
export function StaffNav({ slug, call }: { slug: string; call?: { ref: string; title: string } }) {
  const { t } = useI18n();
  const s = t.calls.staff;
  const { pathname } = useLocation();
  const links = [
    { href: callsHref.staff(slug), label: s.navCalls },
    ...(call
      ? [
          { href: callsHref.staffCall(slug, call.ref), label: s.navEditor(call.title) },
          { href: callsHref.staffApplications(slug, call.ref), label: s.navApplications },
        ]
      : []),
    { href: callsHref.list(slug), label: s.navPortal },
  ];
  return (
    <nav aria-label={s.nav} className="staff-nav">
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

/** The page number of the address (`?page=2`), 1 when absent or wrong. */
export function usePageParam(): number {
  const n = Number(new URLSearchParams(useLocation().search).get('page'));
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/** The pagination's labels from the app's strings. */
export function pageLabels(t: Messages): PaginationLabels {
  return { nav: t.pagination.label, previous: t.pagination.previous, next: t.pagination.next, status: t.pagination.status };
}
