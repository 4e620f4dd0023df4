import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { isDirectoryStaff } from './directory.api.ts';

export type StaffFrameProps = { heading: string; children: (territory: TerritoryDetail) => ReactNode };

/** A back-office page of the directory: guards (signed in, staff of the territory), heading and navigation. */
export function StaffFrame({ heading, children }: StaffFrameProps) {
  const { t } = useI18n();
  const d = t.directory;
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(`/api/v1/territories/${encodeURIComponent(slug)}`);
  const name = detail.status === 'ok' ? detail.data.name : null;
  usePageTitle(name ? `${heading} – ${name}` : heading);
  const base = `/t/${slug}/gestion/annuaire`;
  const staff = isDirectoryStaff(session, slug);

  let body: ReactNode;
  if (!session || detail.status === 'loading') body = <Loading label={t.common.loading} />;
  else if (detail.status === 'error') body = <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  else if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    body = (
      <Alert tone="info" title={t.guard.signInRequired}>
        <Link href={`/sign-in?next=${next}`}>{t.account.signIn}</Link>
      </Alert>
    );
  } else if (!staff) body = <Alert tone="error" title={d.staff.forbidden} />;
  else body = children(detail.data);

  const links = [
    { href: base, label: d.staff.organizations },
    { href: `${base}/personnes`, label: d.staff.people },
    { href: `${base}/import`, label: d.staff.import },
  ];
  return (
    <div>
      <p className="back-link">
        <Link href={`/t/${slug}`}>
          <span aria-hidden="true">← </span>
          {t.back.toTerritory(name ?? slug)}
        </Link>
      </p>
      {staff && (
        <nav aria-label={d.staff.nav} className="staff-nav">
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={location.pathname === l.href ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h1>{heading}</h1>
      {body}
    </div>
  );
}
