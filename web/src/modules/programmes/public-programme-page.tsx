import { useParams } from 'react-router';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Loading } from '../../ui/index.ts';
import { localDay, type PublicProgramme, programmesPaths } from './programmes.api.ts';
import { ProgrammesFrame } from './programmes-frame.tsx';

/** A published programme for everyone: what it offers, its cohorts and its public alumni. */
export function PublicProgrammePage() {
  const { slug = '', programmeSlug = '' } = useParams();
  const { t, locale } = useI18n();
  const p = t.programmes.public;
  const page = useApi<PublicProgramme>(programmesPaths.publicProgramme(slug, programmeSlug));
  const d = page.status === 'ok' ? page.data : null;
  const name = d ? (locale === 'en' ? d.nameEn : d.nameFr) : null;
  return (
    <ProgrammesFrame heading={name}>
      {() =>
        page.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : page.status === 'error' || !d ? (
          <ProblemAlert error={page.status === 'error' ? page.error : null} />
        ) : (
          <>
            <p className="lead">{(locale === 'en' ? d.descriptionEn : d.descriptionFr) ?? ''}</p>
            <ul>
              <li>{`${t.programmes.kinds[d.kind]} · ${t.programmes.entries[d.entry]}`}</li>
              {d.defaultDurationMonths !== null && <li>{p.duration(d.defaultDurationMonths)}</li>}
              {d.cap !== null && <li>{p.cap(d.cap)}</li>}
            </ul>
            {d.themes.length > 0 && (
              <section aria-labelledby="programme-themes">
                <h2 id="programme-themes">{p.themes}</h2>
                <ul>
                  {d.themes.map((th) => (
                    <li key={th.slug}>{locale === 'en' ? th.labelEn : th.labelFr}</li>
                  ))}
                </ul>
              </section>
            )}
            {d.cohorts.length > 0 && (
              <section aria-labelledby="programme-cohorts">
                <h2 id="programme-cohorts">{p.cohorts}</h2>
                <ul>
                  {d.cohorts.map((c) => (
                    <li key={c.name}>
                      {p.cohort(c.name, t.programmes.cohorts.period(localDay(c.startsOn, locale), localDay(c.endsOn, locale)))}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="programme-alumni">
              <h2 id="programme-alumni">{p.alumni}</h2>
              {d.alumni.length === 0 ? (
                <p className="empty">{p.noAlumni}</p>
              ) : (
                <ul>
                  {d.alumni.map((a) => (
                    <li key={a.id}>{a.name}</li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )
      }
    </ProgrammesFrame>
  );
}
