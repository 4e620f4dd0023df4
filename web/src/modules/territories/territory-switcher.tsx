import { useMatch } from 'react-router';
import type { Territory } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MenuButton, type MenuLinkSection } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { splitTerritories, territoryPaths } from './territories.api.ts';

/** The header's territory menu: every territory, the person's own first when signed in. */
export function TerritorySwitcher() {
  const { t } = useI18n();
  const { session } = useSession();
  const list = useApi<{ items: Territory[] }>(territoryPaths.list);
  const slug = useMatch('/t/:slug/*')?.params.slug;
  const items = list.status === 'ok' ? list.data.items : [];
  const current = items.find((i) => i.slug === slug);
  const toLink = (i: Territory) => ({ id: i.slug, label: i.name, href: `/t/${i.slug}`, isCurrent: i.slug === slug });
  const { mine, others } = splitTerritories(items, session?.memberships ?? []);
  const sections: MenuLinkSection[] =
    mine.length > 0
      ? [
          { id: 'mine', title: t.switcher.mine, items: mine.map(toLink) },
          { id: 'others', title: t.switcher.others, items: others.map(toLink) },
        ]
      : [{ id: 'all', title: t.switcher.all, items: items.map(toLink) }];
  return (
    <MenuButton
      label={current ? t.switcher.current(current.name) : t.switcher.choose}
      sections={sections}
      currentMarker={t.switcher.currentMarker}
      className="territory-switcher"
    />
  );
}
