import { useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';
import { directoryPaths, formatEuros, type PublicOrganization, type RelationshipView } from './directory.api.ts';
import { PublicFrame } from './territory-frame.tsx';

/** schema.org Organization: the server's when it gives one, else built from the public fields. */
function jsonLdOf(org: PublicOrganization, pageUrl: string): Record<string, unknown> {
  if (org.jsonLd) return org.jsonLd;
  const ld: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'Organization', '@id': pageUrl, name: org.name };
  if (org.legalName) ld.legalName = org.legalName;
  if (org.website) ld.url = org.website;
  if (org.logoUrl) ld.logo = org.logoUrl;
  if (org.descriptionFr ?? org.descriptionEn) ld.description = org.descriptionFr ?? org.descriptionEn;
  if (org.foundingYear) ld.foundingDate = String(org.foundingYear);
  if (org.siret) ld.identifier = org.siret;
  if (org.address || org.commune) {
    ld.address = {
      '@type': 'PostalAddress',
      streetAddress: org.address?.street ?? undefined,
      postalCode: org.address?.postalCode ?? undefined,
      addressLocality: org.address?.city ?? org.commune?.name ?? undefined,
      addressCountry: 'FR',
    };
  }
  return ld;
}

/** A JSON-LD block; `<` is escaped so that no text can close the script element. */
function JsonLd({ data }: { data: Record<string, unknown> }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with "<" escaped cannot leave the script element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />;
}

function Relationships({ slug, items }: { slug: string; items: RelationshipView[] }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  return (
    <section aria-labelledby="org-relationships" className="panel">
      <h2 id="org-relationships">{d.organization.relationships}</h2>
      {items.length === 0 ? (
        <p className="empty">{d.organization.noRelationships}</p>
      ) : (
        <ul className="relation-list">
          {items.map((r) => (
            <li key={`${r.id}-${r.direction}`}>
              <span className="relation-kind">
                {(r.direction === 'outgoing' ? d.relationOutgoing : d.relationIncoming)[r.kind] ?? r.kind}
              </span>{' '}
              <Link href={`/t/${slug}/annuaire/${r.other.id}`}>{r.other.name}</Link>
              {r.startedOn && <span className="muted">{` (${d.organization.since(formatDate(r.startedOn, locale))})`}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Organization({ territory, org }: { territory: TerritoryDetail; org: PublicOrganization }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const o = d.organization;
  usePageTitle(o.title(org.name, territory.name));
  const description = locale === 'en' ? (org.descriptionEn ?? org.descriptionFr) : (org.descriptionFr ?? org.descriptionEn);
  const metrics = org.latestMetrics;
  const address = org.address
    ? [org.address.street, [org.address.postalCode, org.address.city].filter(Boolean).join(' ')].filter(Boolean)
    : [];
  const facts: [string, React.ReactNode][] = [];
  facts.push([o.kind, d.kinds[org.kind] ?? org.kind]);
  if (org.legalName) facts.push([o.legalName, org.legalName]);
  if (org.siren) facts.push([o.siren, org.siren]);
  if (org.siret) facts.push([o.siret, org.siret]);
  if (org.rna) facts.push([o.rna, org.rna]);
  if (address.length) facts.push([o.address, address.join(', ')]);
  if (org.commune?.name) facts.push([o.commune, org.commune.name]);
  if (org.website)
    facts.push([
      o.website,
      <a key="w" href={org.website} className="link link-inline break-word" rel="noopener">
        {org.website}
      </a>,
    ]);
  if (org.foundingYear) facts.push([o.foundingYear, String(org.foundingYear)]);
  if (org.sector) facts.push([o.sector, org.sector]);
  if (org.membershipStatus) facts.push([o.status, d.statuses[org.membershipStatus] ?? org.membershipStatus]);
  const figures: [string, string, string][] = [];
  if (metrics?.headcount?.value != null) figures.push([o.headcount, formatNumber(metrics.headcount.value, locale), metrics.headcount.asOf]);
  if (metrics?.funds_raised?.value != null)
    figures.push([o.fundsRaised, formatEuros(metrics.funds_raised.value, locale), metrics.funds_raised.asOf]);
  if (metrics?.revenue_band?.band) figures.push([o.revenue, d.revenueBands[metrics.revenue_band.band] ?? '', metrics.revenue_band.asOf]);

  return (
    <article className="organization">
      <JsonLd data={jsonLdOf(org, window.location.href)} />
      <header className="hero">
        <p className="eyebrow">{d.kinds[org.kind] ?? org.kind}</p>
        <h1>{org.name}</h1>
        <p className="lead prose-text">{description ?? o.noDescription}</p>
      </header>
      <div className="territory-layout">
        <div className="territory-main">
          <section aria-labelledby="org-details" className="panel">
            <h2 id="org-details">{o.details}</h2>
            <dl className="detail-list">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          {org.themes && org.themes.length > 0 && (
            <section aria-labelledby="org-themes" className="panel">
              <h2 id="org-themes">{o.themes}</h2>
              <ul className="chips">
                {org.themes.map((theme) => (
                  <li key={theme.id} className="chip">
                    {locale === 'en' ? theme.labelEn : theme.labelFr}
                  </li>
                ))}
              </ul>
              {org.tags && org.tags.length > 0 && (
                <>
                  <h3 className="small-heading">{o.tags}</h3>
                  <ul className="chips">
                    {org.tags.map((tag) => (
                      <li key={tag} className="chip">
                        {tag}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          {org.relationships && <Relationships slug={territory.slug} items={org.relationships} />}
        </div>
        {figures.length > 0 && (
          <section aria-labelledby="org-figures" className="panel panel-accent territory-aside">
            <h2 id="org-figures">{o.figures}</h2>
            <dl className="facts">
              {figures.map(([label, value, asOf]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd className="facts-number">{value}</dd>
                  <dd className="facts-sub">{o.asOf(formatDate(asOf, locale, territory.timeZone))}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
    </article>
  );
}

function OrganizationLoader({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const id = useParams().organizationId ?? '';
  const org = useApi<PublicOrganization>(directoryPaths.organization(territory.slug, id));
  if (org.status === 'loading') return <Loading label={t.common.loading} />;
  if (org.status === 'error')
    return (
      <>
        <h1>{t.directory.organization.notFound}</h1>
        <ProblemAlert error={org.error} onRetry={org.error.problem.status === 404 ? undefined : org.reload} />
      </>
    );
  return <Organization territory={territory} org={org.data} />;
}

/** A public organisation page, with its schema.org description for search engines. */
export function OrganizationPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <PublicFrame title={() => null} back={{ href: `/t/${slug}/annuaire`, label: t.directory.organization.back }}>
      {(territory) => <OrganizationLoader territory={territory} />}
    </PublicFrame>
  );
}
