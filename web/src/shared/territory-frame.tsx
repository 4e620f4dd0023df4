import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { SessionInfo, TerritoryDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../modules/identity/index.ts';
import { Alert, Link, Loading } from '../ui/index.ts';
import { usePageTitle } from './page-title.ts';
import { ProblemAlert } from './problem-alert.tsx';

/** Who may see a page: anyone, a signed-in person, or those a module's rule admits (its staff). */
export type TerritoryFrameAccess =
  | 'public'
  | 'signed_in'
  | { mayEnter: (session: SessionInfo | null, slug: string) => boolean; forbidden: string };

export type TerritoryFrameProps = {
  /** The page's title and main heading; null while the page does not know it yet (a record's name). */
  heading: string | null;
  /** The module's class on the page's wrapper (its styles). */
  className: string;
  access?: TerritoryFrameAccess;
  back?: { href: string; label: string } | undefined;
  /** Shown above the heading when the person may see the page (a staff navigation). */
  nav?: ReactNode;
  children: (territory: TerritoryDetail) => ReactNode;
};

/**
 * A page inside a territory: the territory (for its name, time zone and themes), the guard its
 * access asks for, a way back, the heading, then the content.
 */
export function TerritoryFrame({ heading, className, access = 'public', back, nav, children }: TerritoryFrameProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(`/api/v1/territories/${encodeURIComponent(slug)}`);
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
  } else if (typeof access === 'object' && !access.mayEnter(session, slug)) body = <Alert tone="error" title={access.forbidden} />;
  else {
    allowed = true;
    body = children(detail.data);
  }

  return (
    <div className={className}>
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

/** A staff navigation between a module's pages; the current page is marked for assistive technologies. */
export function SectionNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label={label} className="staff-nav">
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
