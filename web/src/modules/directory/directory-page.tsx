import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Link, LiveRegion, Loading, Pagination, RadioGroup, TextField } from '../../ui/index.ts';
import { directoryPaths, type FacetName, facetOrder, type PublicOrganization, type SearchPage, searchQuery } from './directory.api.ts';
import { PublicFrame } from './territory-frame.tsx';

const pageSize = 20;
const all = '__all';

function ResultCard({ org, slug }: { org: PublicOrganization; slug: string }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const description = locale === 'en' ? (org.descriptionEn ?? org.descriptionFr) : (org.descriptionFr ?? org.descriptionEn);
  return (
    <li className="result-card">
      <h3 className="result-title">
        <Link href={`/t/${slug}/annuaire/${org.id}`}>{org.name}</Link>
      </h3>
      <p className="result-meta">
        <span>{d.kinds[org.kind] ?? org.kind}</span>
        {org.commune?.name && <span>{org.commune.name}</span>}
      </p>
      {description && <p className="result-text">{description}</p>}
      {org.themes && org.themes.length > 0 && (
        <ul className="chips">
          {org.themes.map((theme) => (
            <li key={theme.id} className="chip">
              {locale === 'en' ? theme.labelEn : theme.labelFr}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Search({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const urlQ = params.get('q') ?? '';
  useEffect(() => setQ(urlQ), [urlQ]);
  const result = useApi<SearchPage<PublicOrganization>>(directoryPaths.search(territory.slug, searchQuery(params, pageSize)));
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() || null });
  };
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `/t/${territory.slug}/annuaire?${next}`;
  };
  const filtered = facetOrder.some((f) => params.get(f)) || urlQ;
  const data = result.status === 'ok' ? result.data : null;

  return (
    <>
      <search>
        <form className="search-form" onSubmit={submit}>
          <TextField label={d.search.label} name="q" value={q} onChange={setQ} description={d.search.hint} />
          <Button type="submit">{d.search.submit}</Button>
        </form>
      </search>
      <div className="directory-layout">
        <section aria-labelledby="directory-filters" className="directory-filters">
          <h2 id="directory-filters">{d.search.filters}</h2>
          {data &&
            facetOrder
              .filter((f) => data.facets[f].length > 0 || params.get(f))
              .map((f: FacetName) => (
                <RadioGroup
                  key={f}
                  label={d.search.facets[f] ?? f}
                  className="facet"
                  value={params.get(f) ?? all}
                  onChange={(v) => update({ [f]: v === all ? null : v })}
                  options={[
                    { id: all, label: d.search.all, textValue: d.search.all },
                    ...data.facets[f].map((v) => ({
                      id: v.value,
                      textValue: `${v.label} (${v.count})`,
                      label: (
                        <>
                          {f === 'kind' ? (d.kinds[v.value] ?? v.label) : f === 'status' ? (d.statuses[v.value] ?? v.label) : v.label}
                          <span className="facet-count">{` (${formatNumber(v.count, locale)})`}</span>
                        </>
                      ),
                    })),
                  ]}
                />
              ))}
          {filtered && <Link href={`/t/${territory.slug}/annuaire`}>{d.search.clear}</Link>}
        </section>
        <section aria-labelledby="directory-results" className="directory-results">
          <h2 id="directory-results">{d.search.results}</h2>
          <LiveRegion>{data && <p className="result-count">{d.search.count(data.total)}</p>}</LiveRegion>
          {result.status === 'loading' && <Loading label={t.common.loading} />}
          {result.status === 'error' && <ProblemAlert error={result.error} onRetry={result.reload} />}
          {data &&
            (data.items.length === 0 ? (
              <p className="empty">{d.search.empty}</p>
            ) : (
              <ul className="result-list">
                {data.items.map((org) => (
                  <ResultCard key={org.id} org={org} slug={territory.slug} />
                ))}
              </ul>
            ))}
          {data && <Pagination page={page} pageCount={Math.ceil(data.total / pageSize)} hrefFor={hrefFor} labels={pageLabels(t)} />}
          <p>
            <Link href={`/t/${territory.slug}/reseau`}>{d.search.networkLink}</Link>
          </p>
        </section>
      </div>
    </>
  );
}

/** The public directory of a territory: search, facets, results; the URL holds the query. */
export function DirectoryPage() {
  const { t } = useI18n();
  const d = t.directory;
  return (
    <PublicFrame title={d.search.title}>
      {(territory) => (
        <>
          <h1>{d.search.heading}</h1>
          <p className="lead">{d.search.intro}</p>
          <Search territory={territory} />
        </>
      )}
    </PublicFrame>
  );
}
