import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { callsHref, isCallManager, isReviewer } from './calls.api.ts';

/** On a territory's home: the way to its calls for projects, the person's applications and, for staff, the back office. */
export function CallsPanel({ slug }: { slug: string }) {
  const { t } = useI18n();
  const l = t.calls.links;
  const { session } = useSession();
  return (
    <section aria-labelledby="calls-links" className="panel">
      <h2 id="calls-links">{l.heading}</h2>
      <p>{l.intro}</p>
      <ul className="link-list">
        <li>
          <Link href={callsHref.list(slug)}>{l.calls}</Link>
        </li>
        {session?.user && (
          <li>
            <Link href={callsHref.mine(slug)}>{l.mine}</Link>
          </li>
        )}
        {isReviewer(session, slug) && (
          <li>
            <Link href={callsHref.reviews(slug)}>{t.calls.reviews.link}</Link>
          </li>
        )}
        {isCallManager(session, slug) && (
          <li>
            <Link href={callsHref.staff(slug)}>{l.manage}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
