import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../ui/index.ts';
import type { OrganizationDetail } from './directory.api.ts';
import { periodLabel } from './staff-helpers.ts';

/** The people affiliated with an organisation, each leading to their page (where affiliations are edited). */
export function OrganizationPeople({ slug, org }: { slug: string; org: OrganizationDetail }) {
  const { t, locale } = useI18n();
  const a = t.directory.affiliations;
  return (
    <section aria-labelledby="organization-people" className="form-section">
      <h2 id="organization-people">{a.orgPeople}</h2>
      {org.affiliations.length === 0 ? (
        <p className="empty">{a.orgPeopleEmpty}</p>
      ) : (
        <ul className="plain-list organization-people">
          {org.affiliations.map((x) => (
            <li key={x.id}>
              <Link href={`/t/${slug}/gestion/annuaire/personnes/${x.person.id}`}>{`${x.person.firstName} ${x.person.lastName}`}</Link>
              {x.title && ` — ${x.title}`} <span className="muted">({periodLabel(x.startedOn, x.endedOn, locale, a)})</span>
            </li>
          ))}
        </ul>
      )}
      <Link href={`/t/${slug}/gestion/annuaire/personnes/nouvelle`} variant="button">
        {t.directory.people.new}
      </Link>
    </section>
  );
}
