import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';
import { formatEuros, localized, type Place, placesPaths, type Resource } from './places.api.ts';
import { formatCalendarDate, todayIn } from './places-time.ts';

/** Opening hours in OpenStreetMap's notation, shown as written, with a key to read it. */
function OpeningHours({ value }: { value: string }) {
  const { t } = useI18n();
  return (
    <>
      <p className="osm-hours">
        <code translate="no">{value}</code>
      </p>
      <p className="field-hint">{t.places.place.hoursHint}</p>
    </>
  );
}

/** Where the place is, how to reach it, when it opens and when it is closed. */
export function PlaceInfo({ place, slug, timeZone }: { place: Place; slug: string; timeZone: string }) {
  const { t, locale } = useI18n();
  const p = t.places.place;
  const description = localized(locale, place.descriptionFr, place.descriptionEn);
  const accessibility = localized(locale, place.accessibilityFr, place.accessibilityEn);
  const today = todayIn(timeZone);
  const closures = place.closures.filter((c) => c.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const address = [place.street, [place.postalCode, place.city].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <div className="place-info">
      {description && <p className="lead prose-text">{description}</p>}
      <dl className="detail-list">
        {address.length > 0 && (
          <div>
            <dt>{p.address}</dt>
            <dd>
              {address.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        )}
        {place.contactEmail && (
          <div>
            <dt>{p.email}</dt>
            <dd>
              <Link href={`mailto:${place.contactEmail}`}>{place.contactEmail}</Link>
            </dd>
          </div>
        )}
        {place.contactPhone && (
          <div>
            <dt>{p.phone}</dt>
            <dd>
              <Link href={`tel:${place.contactPhone.replace(/[ .-]/g, '')}`}>{place.contactPhone}</Link>
            </dd>
          </div>
        )}
      </dl>
      {accessibility && (
        <section aria-labelledby="place-accessibility" className="panel">
          <h2 id="place-accessibility">{p.accessibility}</h2>
          <p className="prose-text">{accessibility}</p>
        </section>
      )}
      <section aria-labelledby="place-hours" className="panel">
        <h2 id="place-hours">{p.hours}</h2>
        <OpeningHours value={place.openingHours} />
        <h3 className="small-heading">{p.closures}</h3>
        {closures.length === 0 ? (
          <p className="empty">{p.noClosures}</p>
        ) : (
          <ul className="closure-list">
            {closures.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.startsOn === c.endsOn
                    ? p.closedOn(formatCalendarDate(c.startsOn, locale))
                    : p.closedFrom(formatCalendarDate(c.startsOn, locale), formatCalendarDate(c.endsOn, locale))}
                </strong>
                {` – ${c.reason}`}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={placesPaths.placeCalendar(slug, place.id)}>{p.placeCalendar}</Link>
        </p>
      </section>
    </div>
  );
}

/** The hourly prices of a resource, per audience; free when none is set. */
function Prices({ resource }: { resource: Resource }) {
  const { t, locale } = useI18n();
  const p = t.places;
  // The staff's own price is of no use to the public.
  const audiences = resource.access.filter((a) => a !== 'staff');
  const priced = audiences.filter((a) => (resource.prices[a] ?? 0) > 0);
  if (priced.length === 0) return <p className="resource-price">{p.place.free}</p>;
  const euros = (cents: number) => formatEuros(cents, locale);
  return (
    <ul className="resource-prices">
      {audiences.map((a) => (
        <li key={a}>
          {(resource.prices[a] ?? 0) > 0
            ? p.place.pricePerHour(p.audiences[a] ?? a, euros(resource.prices[a] ?? 0))
            : p.place.freeFor(p.audiences[a] ?? a)}
        </li>
      ))}
    </ul>
  );
}

/** One resource of the place: what it is, who may book it, and the way to its availability. */
export function ResourceCard({
  resource,
  slug,
  placeId,
  isCurrent,
}: {
  resource: Resource;
  slug: string;
  placeId: string;
  isCurrent: boolean;
}) {
  const { t, locale } = useI18n();
  const p = t.places;
  const description = localized(locale, resource.descriptionFr, resource.descriptionEn);
  const headingId = `resource-${resource.id}`;
  return (
    <li className={isCurrent ? 'result-card resource-card resource-card-current' : 'result-card resource-card'}>
      <h3 id={headingId} className="result-title">
        {resource.name}
      </h3>
      <p className="result-meta">
        <span>{p.kinds[resource.kind] ?? resource.kind}</span>
        {resource.capacity > 1 && <span>{p.capacity(resource.capacity)}</span>}
      </p>
      {description && <p className="result-text">{description}</p>}
      <p className="resource-access">
        <strong>{p.place.access}</strong> {resource.access.map((a) => p.audiences[a] ?? a).join(', ')}
      </p>
      {resource.requiredQualification && <p className="resource-access">{p.place.qualification(resource.requiredQualification.name)}</p>}
      {resource.equipment.length > 0 && (
        <p className="resource-access">
          <strong>{p.place.equipment}</strong> {resource.equipment.join(', ')}
        </p>
      )}
      {resource.openingHours && (
        <p className="resource-access">
          <strong>{p.place.ownHours}</strong> <code translate="no">{resource.openingHours}</code>
        </p>
      )}
      <Prices resource={resource} />
      <div className="actions-row compact">
        <Link
          href={`/t/${slug}/lieux/${placeId}?ressource=${resource.id}`}
          variant="button"
          aria-label={p.place.showAvailabilityOf(resource.name)}
          aria-current={isCurrent ? 'true' : undefined}
        >
          {p.place.showAvailability}
        </Link>
        <Link href={placesPaths.resourceCalendar(slug, resource.id)} aria-label={p.place.calendarOf(resource.name)}>
          {p.place.calendar}
        </Link>
      </div>
    </li>
  );
}
