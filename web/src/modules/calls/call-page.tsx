import { useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { CallDates, CallThemes } from './call-summary.tsx';
import { callsHref, callsPaths, type Eligibility, type PublicCall, pick } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';

/** The eligibility rules in words; nothing when the call has none. */
function EligibilityList({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useI18n();
  const e = t.calls.call.eligibility;
  const kinds = t.directory.kinds as Record<string, string>;
  const rules = [
    eligibility.organizationKinds.length > 0 ? e.kinds(eligibility.organizationKinds.map((k) => kinds[k] ?? k).join(', ')) : null,
    eligibility.inTerritory ? e.inTerritory : null,
    eligibility.maxCompanyAgeYears !== null ? e.maxAge(eligibility.maxCompanyAgeYears) : null,
    eligibility.minMatchingThemes > 0 ? e.minThemes(eligibility.minMatchingThemes) : null,
  ].filter((r): r is string => r !== null);
  if (rules.length === 0) return <p>{e.none}</p>;
  return (
    <ul>
      {rules.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

function CallDetails({ call, territory }: { call: PublicCall; territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const c = t.calls.call;
  const { session } = useSession();
  const description = pick(locale, call.descriptionFr, call.descriptionEn);
  const slug = territory.slug;
  return (
    <>
      <CallDates call={call} />
      {description && <div className="prose call-description">{description}</div>}
      <section aria-labelledby="call-apply" className="panel">
        <h2 id="call-apply">{c.applyHeading}</h2>
        {!call.isOpen ? (
          <p>{c.notOpen}</p>
        ) : session?.user ? (
          <Link variant="button" className="btn-primary" href={callsHref.apply(slug, call.slug)}>
            {c.apply}
          </Link>
        ) : (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(callsHref.apply(slug, call.slug))}`}>{c.signInToApply}</Link>
          </p>
        )}
      </section>
      <h2>{c.themes}</h2>
      {call.themes.length ? <CallThemes call={call} /> : <p className="empty">{c.noThemes}</p>}
      <h2>{c.eligibilityHeading}</h2>
      <EligibilityList eligibility={call.eligibility} />
      <h2>{c.documents}</h2>
      {call.documents.length === 0 ? (
        <p className="empty">{c.noDocuments}</p>
      ) : (
        <ul className="link-list">
          {call.documents.map((d) => (
            <li key={d.url}>
              <a className="link link-inline" href={d.url} rel="noopener noreferrer">
                {pick(locale, d.titleFr, d.titleEn)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {call.laureates.length > 0 && (
        <>
          <h2>{c.laureates}</h2>
          <ul className="laureate-list">
            {call.laureates.map((l) => (
              <li key={l.organizationId}>{l.name}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A call's public page: description, dates in the territory's zone, themes, eligibility, documents, laureates. */
export function CallPage() {
  const { t, locale } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const detail = useApi<PublicCall>(callsPaths.call(slug, params.call ?? ''));
  const heading = detail.status === 'ok' ? pick(locale, detail.data.titleFr, detail.data.titleEn) : null;
  return (
    <CallsFrame heading={heading} back={{ href: callsHref.list(slug), label: t.calls.call.back }}>
      {(territory) =>
        detail.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : detail.status === 'error' ? (
          <>
            <h1>{t.calls.call.notFound}</h1>
            <ProblemAlert error={detail.error} />
          </>
        ) : (
          <CallDetails call={detail.data} territory={territory} />
        )
      }
    </CallsFrame>
  );
}
