import { useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';
import { CallsPanel } from '../calls/index.ts';
import { DirectoryHighlights, RemindersPanel } from '../directory/index.ts';
import { isTerritoryAdmin, useSession } from '../identity/index.ts';
import { PlacesPanel } from '../places/index.ts';
import { territoryPaths } from './territories.api.ts';

function Facts({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="territory-perimeter" className="panel">
      <h2 id="territory-perimeter">{t.territory.perimeter}</h2>
      <dl className="facts">
        <div>
          <dt>{t.territory.epci}</dt>
          <dd>
            {territory.epciName ?? t.territory.noEpci}
            {territory.epciSiren && <span className="facts-sub">{`${t.territory.siren} ${territory.epciSiren}`}</span>}
          </dd>
        </div>
        <div>
          <dt>{t.territory.communes}</dt>
          <dd className="facts-number">{formatNumber(territory.communeCount, locale)}</dd>
        </div>
        <div>
          <dt>{t.territory.timeZone}</dt>
          <dd>{territory.timeZone}</dd>
        </div>
      </dl>
      {territory.geoVintage && <p className="small muted">{t.territory.geoVintage(territory.geoVintage)}</p>}
    </section>
  );
}

function Themes({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="territory-themes" className="panel">
      <h2 id="territory-themes">{t.territory.themes}</h2>
      {territory.themes.length === 0 ? (
        <p className="empty">{t.territory.noThemes}</p>
      ) : (
        <ul className="chips">
          {territory.themes.map((theme) => (
            <li key={theme.id} className="chip">
              {locale === 'en' ? theme.labelEn : theme.labelFr}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function YourPlace({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const roles = session?.memberships.find((m) => m.slug === slug)?.roles ?? [];
  const admin = isTerritoryAdmin(session, slug);
  if (roles.length === 0 && !admin) return null;
  return (
    <section aria-labelledby="territory-you" className="panel panel-accent territory-aside">
      {roles.length > 0 && (
        <>
          <h2 id="territory-you">{t.territory.yourRoles}</h2>
          <ul className="chips">
            {roles.map((role) => (
              <li key={role} className="chip chip-brand">
                {t.roles[role] ?? role}
              </li>
            ))}
          </ul>
        </>
      )}
      {admin && (
        <>
          <h2 id={roles.length > 0 ? undefined : 'territory-you'}>{t.territory.admin}</h2>
          <p>{t.territory.adminIntro}</p>
          <ul className="link-list">
            <li>
              <Link href={`/t/${slug}/members`}>{t.territory.membersLink}</Link>
            </li>
            <li>
              <Link href={`/t/${slug}/audit`}>{t.territory.auditLink}</Link>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

/** A territory's home: presentation, perimeter, themes, and the person's roles and admin tools. */
export function TerritoryPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(territoryPaths.detail(slug));
  usePageTitle(detail.status === 'ok' ? detail.data.name : detail.status === 'error' ? t.territory.notFound : t.common.loading);
  if (detail.status === 'loading') return <Loading label={t.common.loading} />;
  if (detail.status === 'error') {
    return (
      <div>
        <h1>{t.territory.notFound}</h1>
        <ProblemAlert error={detail.error} onRetry={detail.error.problem.status === 404 ? undefined : detail.reload} />
        <Link href="/">{t.common.backHome}</Link>
      </div>
    );
  }
  const territory = detail.data;
  return (
    <article className="territory">
      <header className="hero">
        <p className="eyebrow">{t.switcher.label}</p>
        <h1>{territory.name}</h1>
        <p className="lead prose-text">{territory.description ?? t.territory.noDescription}</p>
      </header>
      <div className="territory-layout">
        <div className="territory-main">
          <RemindersPanel slug={territory.slug} timeZone={territory.timeZone} />
          <DirectoryHighlights slug={territory.slug} timeZone={territory.timeZone} />
          <PlacesPanel slug={territory.slug} />
          <CallsPanel slug={territory.slug} />
          <Facts territory={territory} />
          <Themes territory={territory} />
        </div>
        <YourPlace slug={slug} />
      </div>
    </article>
  );
}
