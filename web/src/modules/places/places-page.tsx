import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { isPlaceManager, localized, type Place, placesPaths } from './places.api.ts';
import { PlacesFrame } from './places-frame.tsx';

function PlaceCard({ place, slug }: { place: Place; slug: string }) {
  const { t, locale } = useI18n();
  const p = t.places;
  const description = localized(locale, place.descriptionFr, place.descriptionEn);
  const accessibility = localized(locale, place.accessibilityFr, place.accessibilityEn);
  const resources = place.resources.filter((r) => r.isActive);
  return (
    <li className="result-card place-card">
      <h2 className="result-title">
        <Link href={`/t/${slug}/lieux/${place.id}`}>{place.name}</Link>
      </h2>
      <p className="result-meta">
        {place.city && <span>{place.city}</span>}
        {!place.isPublic && <span className="badge">{p.list.notPublic}</span>}
      </p>
      {description && <p className="result-text">{description}</p>}
      {accessibility && (
        <p className="result-text">
          <strong>{p.list.accessibility}</strong> {accessibility}
        </p>
      )}
      <h3 className="small-heading">{p.list.resources(resources.length)}</h3>
      {resources.length === 0 ? (
        <p className="empty">{p.list.noResources}</p>
      ) : (
        <ul className="resource-summary">
          {resources.map((r) => (
            <li key={r.id}>
              <span className="resource-summary-name">{r.name}</span>
              <span className="muted">{` · ${p.kinds[r.kind] ?? r.kind}${r.capacity > 1 ? ` · ${p.capacity(r.capacity)}` : ''}`}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Places({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const p = t.places;
  const { session } = useSession();
  const list = useApi<{ items: Place[] }>(placesPaths.places(territory.slug));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  return (
    <>
      <p className="lead">{p.list.intro}</p>
      <ul className="link-list inline-links">
        {session?.user && (
          <li>
            <Link href={`/t/${territory.slug}/mes-reservations`}>{p.links.mine}</Link>
          </li>
        )}
        {isPlaceManager(session, territory.slug) && (
          <li>
            <Link href={`/t/${territory.slug}/gestion/lieux`}>{p.links.manage}</Link>
          </li>
        )}
      </ul>
      {list.data.items.length === 0 ? (
        <p className="empty">{p.list.empty}</p>
      ) : (
        <ul className="result-list place-list">
          {list.data.items.map((place) => (
            <PlaceCard key={place.id} place={place} slug={territory.slug} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The territory's places (tiers-lieux, FabLabs) with their resources: where to book. */
export function PlacesPage() {
  const { t } = useI18n();
  return <PlacesFrame heading={t.places.list.heading}>{(territory) => <Places territory={territory} />}</PlacesFrame>;
}
