import { useEffect, useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Column, DataTable, Link, Loading } from '../../ui/index.ts';
import { directoryPaths, type NetworkRelationship, type PublicOrganization, relationshipKinds, type SearchPage } from './directory.api.ts';
import { PublicFrame } from './territory-frame.tsx';

/**
 * The territory's public relationships. Without the relationships endpoint, they are gathered
 * from the public organisation pages (each relationship once, from its source).
 */
function useRelationships(slug: string): NetworkRelationship[] | null {
  const direct = useApi<Page<NetworkRelationship>>(directoryPaths.relationships(slug, 1, 200));
  const [gathered, setGathered] = useState<NetworkRelationship[] | null>(null);
  const failed = direct.status === 'error';
  useEffect(() => {
    if (!failed) return;
    let live = true;
    (async () => {
      const list = await apiRequest<SearchPage<PublicOrganization>>(directoryPaths.search(slug, '?pageSize=100'));
      const orgs = await Promise.all(list.items.map((o) => apiRequest<PublicOrganization>(directoryPaths.organization(slug, o.id))));
      const out: NetworkRelationship[] = [];
      for (const o of orgs)
        for (const r of o.relationships ?? [])
          if (r.direction === 'outgoing')
            out.push({
              id: r.id,
              kind: r.kind,
              source: { id: o.id, name: o.name, kind: o.kind },
              target: r.other,
              startedOn: r.startedOn,
              endedOn: r.endedOn,
            });
      if (live) setGathered(out);
    })().catch(() => live && setGathered([]));
    return () => {
      live = false;
    };
  }, [failed, slug]);
  return direct.status === 'ok' ? direct.data.items : gathered;
}

function Network({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const items = useRelationships(territory.slug);
  if (!items) return <Loading label={t.common.loading} />;
  if (items.length === 0) return <p className="empty">{d.network.empty}</p>;
  const org = (o: { id: string; name: string }) => <Link href={`/t/${territory.slug}/annuaire/${o.id}`}>{o.name}</Link>;
  const columns: Column<NetworkRelationship>[] = [
    { id: 'source', header: d.network.source, cell: (r) => org(r.source), isRowHeader: true },
    { id: 'relation', header: d.network.relation, cell: (r) => d.relationOutgoing[r.kind] ?? r.kind },
    { id: 'target', header: d.network.target, cell: (r) => org(r.target) },
    { id: 'since', header: d.network.since, cell: (r) => (r.startedOn ? formatDate(r.startedOn, locale, territory.timeZone) : '—') },
  ];
  return (
    <>
      {relationshipKinds
        .filter((k) => items.some((r) => r.kind === k))
        .map((k) => (
          <section key={k} aria-labelledby={`network-${k}`} className="network-group">
            <h2 id={`network-${k}`}>{d.relationKinds[k]}</h2>
            <DataTable
              caption={d.network.caption(d.relationKinds[k] ?? k)}
              columns={columns}
              rows={items.filter((r) => r.kind === k)}
              rowKey={(r) => r.id}
            />
          </section>
        ))}
    </>
  );
}

/** "Who accompanies whom": the ecosystem's relationships as tables grouped by kind. */
export function NetworkPage() {
  const { t } = useI18n();
  const d = t.directory;
  return (
    <PublicFrame title={d.network.title}>
      {(territory) => (
        <>
          <h1>{d.network.heading}</h1>
          <p className="lead">{d.network.intro}</p>
          <Network territory={territory} />
        </>
      )}
    </PublicFrame>
  );
}
