import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { isPlaceManager } from './places.api.ts';

/** On a territory's home: the ways into its places, the person's bookings and, for managers, the back office. */
export function PlacesPanel({ slug }: { slug: string }) {
  const { t } = useI18n();
  const l = t.places.links;
  const { session } = useSession();
  return (
    <section aria-labelledby="places-links" className="panel">
      <h2 id="places-links">{l.heading}</h2>
      <p>{l.intro}</p>
      <ul className="link-list">
        <li>
          <Link href={`/t/${slug}/lieux`}>{l.places}</Link>
        </li>
        <li>
          <Link href={`/t/${slug}/formations`}>{t.places.trainings.link}</Link>
        </li>
        {session?.user && (
          <li>
            <Link href={`/t/${slug}/mes-reservations`}>{l.mine}</Link>
          </li>
        )}
        {isPlaceManager(session, slug) && (
          <li>
            <Link href={`/t/${slug}/gestion/lieux`}>{l.manage}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
