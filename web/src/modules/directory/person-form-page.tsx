import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { AffiliationsEditor } from './affiliations-editor.tsx';
import { directoryPaths, isDirectoryAdmin, type PersonDetail } from './directory.api.ts';
import { PersonForm } from './person-form.tsx';
import { ErasePerson, ExportPerson } from './person-privacy.tsx';
import { StaffFrame } from './staff-frame.tsx';

/** Export and erasure of the person's data, at the end of their page. */
function Privacy({ territory, person }: { territory: TerritoryDetail; person: PersonDetail }) {
  const { t } = useI18n();
  const p = t.directory.people;
  const { session } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="person-rgpd" className="form-section">
      <h2 id="person-rgpd">{p.rgpd}</h2>
      <ProblemAlert error={error} />
      <div className="actions-row">
        <ExportPerson slug={territory.slug} person={person} onError={setError} />
        {isDirectoryAdmin(session, territory.slug) && (
          <ErasePerson
            slug={territory.slug}
            person={person}
            onDone={(err) => {
              if (err) setError(err);
              else navigate(`/t/${territory.slug}/gestion/annuaire/personnes`, { state: { saved: p.erased } });
            }}
          />
        )}
      </div>
      <p className="muted">{p.eraseHint}</p>
    </section>
  );
}

function EditLoader({ territory, id }: { territory: TerritoryDetail; id: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const person = useApi<PersonDetail>(directoryPaths.person(territory.slug, id));
  if (person.status === 'loading') return <Loading label={t.common.loading} />;
  if (person.status === 'error') return <ProblemAlert error={person.error} onRetry={person.reload} />;
  const saved = (location.state as { saved?: string } | null)?.saved ?? null;
  return (
    <>
      <h2>{t.directory.personForm.editTitle(`${person.data.firstName} ${person.data.lastName}`)}</h2>
      <PersonForm key={person.data.updatedAt} territory={territory} person={person.data} saved={saved} />
      <AffiliationsEditor territory={territory} person={person.data} />
      <Privacy territory={territory} person={person.data} />
    </>
  );
}

/** Creating (`/personnes/nouvelle`) or editing a person, with their affiliations and RGPD tools. */
export function PersonFormPage() {
  const { t } = useI18n();
  const f = t.directory.personForm;
  const id = useParams().personId;
  const slug = useParams().slug ?? '';
  return (
    <StaffFrame heading={id ? t.directory.people.heading : f.createTitle}>
      {(territory) => (
        <>
          <p>
            <Link href={`/t/${slug}/gestion/annuaire/personnes`}>{f.back}</Link>
          </p>
          {id ? (
            <EditLoader territory={territory} id={id} />
          ) : (
            <>
              <PersonForm territory={territory} person={null} />
              <p className="muted">{t.directory.affiliations.saveFirst}</p>
            </>
          )}
        </>
      )}
    </StaffFrame>
  );
}
