import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, ConfirmDialog, LiveRegion, RadioGroup, TextArea } from '../../ui/index.ts';
import { callsPaths, pick, type Review, recommendations } from './calls.api.ts';

type Criterion = Review['stage']['rubric']['criteria'][number];

/** The points of a criterion's scale, as radio buttons: one tab stop, arrows to move. */
function scale(c: Criterion) {
  return Array.from({ length: c.max - c.min + 1 }, (_, i) => String(c.min + i)).map((v) => ({ id: v, label: v }));
}

/** The submitted review, read only. */
function Submitted({ review }: { review: Review }) {
  const { t, locale } = useI18n();
  const r = t.calls.rubric;
  return (
    <section aria-labelledby="rubric-heading" className="panel">
      <h2 id="rubric-heading">{r.heading}</h2>
      <Alert tone="info" title={r.locked} />
      <dl className="detail-list">
        {review.stage.rubric.criteria.map((c) => (
          <div key={c.id}>
            <dt>{pick(locale, c.labelFr, c.labelEn)}</dt>
            <dd>{r.score(review.scores[c.id] ?? 0, c.max)}</dd>
          </div>
        ))}
        <div>
          <dt>{r.recommendation}</dt>
          <dd>{review.recommendation ? r.recommendations[review.recommendation] : '—'}</dd>
        </div>
        <div>
          <dt>{r.comment}</dt>
          <dd className="answer-text">{review.comment || '—'}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The rubric's scoring form: a scale per criterion with its weight, a comment and a recommendation; submitting locks it. */
export function RubricForm({ review, slug, onSaved }: { review: Review; slug: string; onSaved: (r: Review) => void }) {
  const { t, locale } = useI18n();
  const r = t.calls.rubric;
  const [scores, setScores] = useState<Record<string, number>>(review.scores);
  const [comment, setComment] = useState(review.comment ?? '');
  const [recommendation, setRecommendation] = useState(review.recommendation ?? '');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (review.status === 'submitted') return <Submitted review={review} />;
  const fields = fieldProblems(error);
  const run = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body = { scores, comment: comment || null, recommendation: recommendation || null };
      let saved = await apiRequest<Review>(callsPaths.review(slug, review.id), { method: 'PUT', body });
      if (submit) saved = await apiRequest<Review>(callsPaths.submitReview(slug, review.id), { method: 'POST' });
      setDone(submit ? r.submitted : r.saved);
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel rubric-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <h2 id="rubric-heading">{r.heading}</h2>
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      <ProblemAlert error={error} />
      {review.stage.rubric.criteria.map((c) => (
        <div key={c.id} className="criterion">
          <RadioGroup
            className="scale"
            label={r.criterion(pick(locale, c.labelFr, c.labelEn), c.weight, c.min, c.max)}
            value={scores[c.id] === undefined ? '' : String(scores[c.id])}
            onChange={(v) => setScores((prev) => ({ ...prev, [c.id]: Number(v) }))}
            options={scale(c)}
          />
          {fields[`scores.${c.id}`] && <p className="field-error">{fields[`scores.${c.id}`]?.message}</p>}
        </div>
      ))}
      <TextArea label={r.comment} name="comment" value={comment} onChange={setComment} rows={5} errorMessage={fields.comment?.message} />
      <RadioGroup
        label={r.recommendation}
        value={recommendation}
        onChange={setRecommendation}
        options={recommendations.map((x) => ({ id: x, label: r.recommendations[x] ?? x }))}
      />
      {fields.recommendation && <p className="field-error">{fields.recommendation.message}</p>}
      <div className="actions-row">
        <Button variant="secondary" onPress={() => run(false)} isDisabled={busy}>
          {r.save}
        </Button>
        <ConfirmDialog
          closeFirst
          danger={false}
          triggerVariant="primary"
          trigger={r.submit}
          title={r.confirmTitle}
          confirmLabel={r.submit}
          cancelLabel={t.calls.cancel}
          onConfirm={() => run(true)}
          isDisabled={busy}
        >
          <p>{r.confirmBody}</p>
        </ConfirmDialog>
      </div>
    </form>
  );
}
