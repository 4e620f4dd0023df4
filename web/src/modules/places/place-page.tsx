import { useParams, useSearchParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Loading } from '../../ui/index.ts';
import { PlaceInfo, ResourceCard } from './place-details.tsx';
import { type Place, placesPaths } from './places.api.ts';
import { PlacesFrame } from './places-frame.tsx';
import { ResourceBooking } from './resource-booking.tsx';

function PlaceView({ place, territory }: { place: Place; territory: TerritoryDetail }) {
  const { t } = useI18n();
  const p = t.places.place;
  const [params] = useSearchParams();
  const resources = place.resources.filter((r) => r.isActive);
  const current = resources.find((r) => r.id === params.get('ressource')) ?? null;
  return (
    <>
      <PlaceInfo place={place} slug={territory.slug} timeZone={place.timeZone} />
      <section aria-labelledby="place-resources">
        <h2 id="place-resources">{p.resources}</h2>
        {resources.length === 0 ? (
          <p className="empty">{p.noResources}</p>
        ) : (
          <ul className="result-list resource-list">
            {resources.map((r) => (
              <ResourceCard key={r.id} resource={r} slug={territory.slug} placeId={place.id} isCurrent={r.id === current?.id} />
            ))}
          </ul>
        )}
      </section>
      {current ? (
        <ResourceBooking key={current.id} slug={territory.slug} resource={current} timeZone={place.timeZone} />
      ) : (
        resources.length > 0 && <p className="empty">{p.chooseResource}</p>
      )}
    </>
  );
}

/** A place: its presentation, hours and closures, its resources, and the booking of one of them. */
export function PlacePage() {
  const { t } = useI18n();
  const p = t.places.place;
  const { slug = '', placeId = '' } = useParams();
  const place = useApi<Place>(placesPaths.place(slug, placeId));
  const heading = place.status === 'ok' ? place.data.name : place.status === 'error' ? p.notFound : null;
  return (
    <PlacesFrame heading={heading} back={{ href: `/t/${slug}/lieux`, label: p.back }}>
      {(territory) =>
        place.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : place.status === 'error' ? (
          <ProblemAlert error={place.error} onRetry={place.error.problem.status === 404 ? undefined : place.reload} />
        ) : (
          <PlaceView place={place.data} territory={territory} />
        )
      }
    </PlacesFrame>
  );
}
