import type { Territory } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Notice } from '../../shared/notice.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { splitTerritories, territoryPaths } from './territories.api.ts';
import { TerritoryCard } from './territory-card.tsx';

function TerritoryGroup({ id, title, items }: { id: string; title: string; items: Territory[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="territory-group">
      <h2 id={id}>{title}</h2>
      <ul className="territory-grid">
        {items.map((territory) => (
          <TerritoryCard key={territory.id} territory={territory} />
        ))}
      </ul>
    </section>
  );
}

/** The home page: what Totem is, and the territories open on this platform. */
export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const list = useApi<{ items: Territory[] }>(territoryPaths.list);
  usePageTitle(t.home.title);
  const { mine, others } = list.status === 'ok' ? splitTerritories(list.data.items, session?.memberships ?? []) : { mine: [], others: [] };
  return (
    <div>
      <div className="hero">
        <h1>{t.home.title}</h1>
        <p className="lead">{t.home.intro}</p>
      </div>
      <Notice />
      {list.status === 'loading' && <Loading label={t.common.loading} />}
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.data.items.length === 0 && <p className="empty">{t.home.empty}</p>}
      <TerritoryGroup id="territories-mine" title={t.home.mine} items={mine} />
      <TerritoryGroup id="territories-others" title={mine.length > 0 ? t.home.others : t.home.all} items={others} />
    </div>
  );
}
