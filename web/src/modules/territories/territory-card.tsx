import type { Territory } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';

/** A territory in a list: its name (the link), its intercommunality and size. */
export function TerritoryCard({ territory }: { territory: Territory }) {
  const { t } = useI18n();
  return (
    <li className="territory-card">
      <h3 className="territory-card-title">
        <Link href={`/t/${territory.slug}`} variant="quiet" className="stretched-link">
          {territory.name}
        </Link>
      </h3>
      <p className="territory-card-meta">{territory.epciName ?? t.home.noEpci}</p>
      {territory.description && <p className="territory-card-text">{territory.description}</p>}
      <p className="territory-card-count">{t.home.communes(territory.communeCount)}</p>
    </li>
  );
}
