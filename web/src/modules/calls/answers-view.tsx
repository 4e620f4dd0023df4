import { useApi } from '../../api/use-api.ts';
import { formatShortDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatWhen } from './call-summary.tsx';
import { type Answers, callsPaths, type PublicCall, pick, type Question, questionsOf, type Revision } from './calls.api.ts';
import { formatEuros } from './money.ts';

/** An answer in words: options and themes by their label, amounts in euros, files as a link. */
function AnswerText({ q, value, call, slug }: { q: Question; value: unknown; call: PublicCall; slug: string }) {
  const { t, locale } = useI18n();
  if (value === undefined || value === null || value === '') return <span className="muted">{t.calls.answers.none}</span>;
  const labelOf = (v: string) => {
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      const o = q.options.find((x) => x.value === v);
      return o ? pick(locale, o.labelFr, o.labelEn) : v;
    }
    const th = call.themes.find((x) => x.slug === v);
    return th ? pick(locale, th.labelFr, th.labelEn) : v;
  };
  switch (q.type) {
    case 'money':
      return <>{formatEuros(Number(value), locale)}</>;
    case 'date':
      return <>{formatShortDate(`${String(value)}T12:00:00Z`, locale, 'UTC')}</>;
    case 'single_choice':
      return <>{labelOf(String(value))}</>;
    case 'multiple_choice':
    case 'theme_choice':
      return <>{(value as string[]).map(labelOf).join(', ')}</>;
    case 'file':
      return (
        <a className="link link-inline" href={callsPaths.file(slug, String(value))} download>
          {t.calls.form.download(pick(locale, q.labelFr, q.labelEn))}
        </a>
      );
    default:
      return <span className="answer-text">{String(value)}</span>;
  }
}

/** The answers, question by question, as a description list. */
export function AnswersView({ call, answers, slug }: { call: PublicCall; answers: Answers; slug: string }) {
  const { t, locale } = useI18n();
  const questions = questionsOf(call.form).filter((q) => q.id in answers);
  if (questions.length === 0) return <p className="empty">{t.calls.answers.empty}</p>;
  return (
    <dl className="detail-list answers">
      {questions.map((q) => (
        <div key={q.id}>
          <dt>{pick(locale, q.labelFr, q.labelEn)}</dt>
          <dd>
            <AnswerText q={q} value={answers[q.id]} call={call} slug={slug} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The submitted revisions, each with the questions it changed. */
export function Revisions({
  call,
  applicationId,
  slug,
  version,
}: {
  call: PublicCall;
  applicationId: string;
  slug: string;
  version: number;
}) {
  const { t, locale } = useI18n();
  const r = t.calls.answers;
  const list = useApi<{ items: Revision[] }>(`${callsPaths.revisions(slug, applicationId)}#${version}`);
  if (list.status !== 'ok' || list.data.items.length === 0) return null;
  const label = (id: string) => {
    const q = questionsOf(call.form).find((x) => x.id === id);
    return q ? pick(locale, q.labelFr, q.labelEn) : id;
  };
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">{r.revisions}</h2>
      <ol className="plain-list revision-list">
        {[...list.data.items].reverse().map((rev) => (
          <li key={rev.revision}>
            <strong>{r.revision(rev.revision)}</strong> {r.submittedOn(formatWhen(rev.submittedAt, locale, call.timeZone))}
            {rev.changed.length > 0 && <span className="muted">{` ${r.changed(rev.changed.map(label).join(', '))}`}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
