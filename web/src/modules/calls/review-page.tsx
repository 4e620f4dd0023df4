import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { Page } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { AnswersView } from './answers-view.tsx';
import { callsHref, callsPaths, type PublicCall, pick, type Review } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';
import { DeclarationForm } from './declaration-form.tsx';
import { RubricForm } from './rubric-form.tsx';

/**
 * The application's file: its answers drawn with the call's form. The review names its call by
 * title only, so the form is found among the published calls; without it the answers are listed raw.
 */
function ReviewFile({ review, slug }: { review: Review; slug: string }) {
  const { t, locale } = useI18n();
  const calls = useApi<Page<PublicCall>>(callsPaths.calls(slug, 1, 100));
  const call = calls.status === 'ok' ? calls.data.items.find((c) => c.titleFr === review.application.callTitleFr) : undefined;
  const answers = review.answers ?? {};
  return (
    <section aria-labelledby="file-heading">
      <h2 id="file-heading">{t.calls.reviews.file(review.revision)}</h2>
      <p className="muted">{`${pick(locale, review.application.callTitleFr, review.application.callTitleEn)} – ${pick(locale, review.stage.nameFr, review.stage.nameEn)}`}</p>
      {review.changed.length > 0 && <Alert tone="info" title={t.calls.reviews.changed(review.changed.length)} />}
      {call ? (
        <AnswersView call={call} answers={answers} slug={slug} />
      ) : calls.status === 'loading' ? (
        <Loading label={t.common.loading} />
      ) : (
        <dl className="detail-list">
          {Object.entries(answers).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="answer-text">{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function ReviewBody({ initial, slug, reload }: { initial: Review; slug: string; reload: () => void }) {
  const { t } = useI18n();
  const [review, setReview] = useState(initial);
  const [withdrawn, setWithdrawn] = useState(false);
  useEffect(() => setReview(initial), [initial]);
  if (withdrawn)
    return (
      <Alert tone="success" title={t.calls.declaration.withdrawn}>
        <Link href={callsHref.reviews(slug)}>{t.calls.reviews.back}</Link>
      </Alert>
    );
  if (review.access === 'summary')
    return <DeclarationForm review={review} slug={slug} onDeclared={(d) => (d.conflict ? setWithdrawn(true) : reload())} />;
  return (
    <>
      <ReviewFile review={review} slug={slug} />
      <RubricForm review={review} slug={slug} onSaved={setReview} />
    </>
  );
}

/** One assigned review: the declaration of interests first, then the file and the rubric. */
export function ReviewPage() {
  const { t } = useI18n();
  const params = useParams();
  const slug = params.slug ?? '';
  const review = useApi<Review>(callsPaths.review(slug, params.reviewId ?? ''));
  const heading = review.status === 'ok' ? t.calls.reviews.reviewHeading(review.data.application.organizationName) : null;
  return (
    <CallsFrame heading={heading} access="signed_in" back={{ href: callsHref.reviews(slug), label: t.calls.reviews.back }}>
      {() =>
        review.status === 'loading' ? (
          <Loading label={t.common.loading} />
        ) : review.status === 'error' ? (
          <ProblemAlert error={review.error} />
        ) : (
          <ReviewBody initial={review.data} slug={slug} reload={review.reload} />
        )
      }
    </CallsFrame>
  );
}
