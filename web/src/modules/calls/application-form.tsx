import { useState } from 'react';
import { ApiError, apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, ConfirmDialog } from '../../ui/index.ts';
import {
  type Answers,
  type Application,
  answersToSend,
  callsPaths,
  type PublicCall,
  pick,
  questionsOf,
  visibleQuestions,
} from './calls.api.ts';
import { ErrorSummary, type SummaryItem } from './error-summary.tsx';
import { QuestionField } from './question-field.tsx';

type Props = {
  call: PublicCall;
  application: Application;
  slug: string;
  /** The saved application and what to tell the person (the form is drawn anew for a new revision). */
  onSaved: (a: Application, message: string) => void;
  /** A new attempt starts: the previous message no longer holds. */
  onAttempt: () => void;
};

/** The server's field errors of a 422, by question id (`answers.<id>`). */
function answerErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.problem.errors ?? []) {
    const id = f.path.replace(/^body\./, '').replace(/^answers\./, '');
    if (!out[id]) out[id] = f.message;
  }
  return out;
}

/** What the form does with the answers, and the state of the last attempt. */
function useAnswers({ call, application, slug, onSaved, onAttempt }: Props) {
  const { t } = useI18n();
  const f = t.calls.form;
  const [answers, setAnswers] = useState<Answers>(application.answers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => {
    const fields = answerErrors(e);
    setErrors(fields);
    setProblem(Object.keys(fields).length ? null : e);
    setVersion((v) => v + 1);
  };
  /** Local errors (an amount that is not one) stop the request: the server would not understand it. */
  const localErrors = () => {
    const out: Record<string, string> = {};
    const shown = visibleQuestions(call.form, answers);
    for (const q of questionsOf(call.form))
      if (shown.has(q.id) && (q.type === 'money' || q.type === 'number') && Number.isNaN(answers[q.id]))
        out[q.id] = q.type === 'money' ? f.moneyInvalid : f.numberInvalid;
    return out;
  };
  const run = async (action: 'save' | 'submit') => {
    onAttempt();
    const local = localErrors();
    if (Object.keys(local).length)
      return fail(
        new ApiError({
          title: '',
          status: 422,
          code: 'validation_failed',
          errors: Object.entries(local).map(([id, message]) => ({ path: `answers.${id}`, code: 'local', message })),
        }),
      );
    setBusy(true);
    try {
      let saved = await apiRequest<Application>(callsPaths.answers(slug, application.id), {
        method: 'PUT',
        body: { answers: answersToSend(call.form, answers) },
      });
      if (action === 'submit') saved = await apiRequest<Application>(callsPaths.submit(slug, application.id), { method: 'POST' });
      setErrors({});
      setProblem(null);
      onSaved(
        saved,
        action === 'save' && saved.status === 'draft' ? f.draftSaved : saved.revision > 1 ? f.revised(saved.revision) : f.submitted,
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return { answers, setAnswers, errors, problem, version, busy, run };
}

/** The application's form, drawn from the call's definition; conditions show and hide questions as answers change. */
export function ApplicationForm(props: Props) {
  const { t, locale } = useI18n();
  const f = t.calls.form;
  const { call, application, slug } = props;
  const s = useAnswers(props);
  const visible = visibleQuestions(call.form, s.answers);
  const questions = questionsOf(call.form);
  const label = (id: string) => {
    const q = questions.find((x) => x.id === id);
    return q ? pick(locale, q.labelFr, q.labelEn) : id;
  };
  const summary: SummaryItem[] = Object.entries(s.errors).map(([id, message]) => ({ id, label: label(id), message }));
  const submitted = application.status !== 'draft';
  return (
    <form className="application-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <ErrorSummary items={summary} version={s.version} />
      <ProblemAlert error={s.problem} />
      {submitted && <Alert tone="info" title={f.revisionNotice(application.revision + 1)} />}
      <p className="field-hint">{f.requiredIntro}</p>
      {call.form.sections.map((section) => (
        <fieldset key={section.id} className="form-section">
          <legend>{pick(locale, section.titleFr, section.titleEn)}</legend>
          {section.questions
            .filter((q) => visible.has(q.id))
            .map((q) => (
              <div key={q.id} className="question">
                <QuestionField
                  question={q}
                  value={s.answers[q.id]}
                  onChange={(v) => s.setAnswers((prev) => ({ ...prev, [q.id]: v }))}
                  error={s.errors[q.id]}
                  call={call}
                  slug={slug}
                  applicationId={application.id}
                  isDisabled={s.busy}
                />
              </div>
            ))}
        </fieldset>
      ))}
      <div className="actions-row">
        {submitted ? (
          <ConfirmDialog
            closeFirst
            danger={false}
            triggerVariant="primary"
            trigger={f.saveRevision}
            title={f.confirmRevisionTitle(application.revision + 1)}
            confirmLabel={f.saveRevision}
            cancelLabel={t.calls.cancel}
            onConfirm={() => s.run('save')}
            isDisabled={s.busy}
          >
            <p>{f.confirmRevisionBody}</p>
          </ConfirmDialog>
        ) : (
          <>
            <Button variant="secondary" onPress={() => s.run('save')} isDisabled={s.busy}>
              {f.saveDraft}
            </Button>
            <ConfirmDialog
              closeFirst
              danger={false}
              triggerVariant="primary"
              trigger={f.submit}
              title={f.confirmSubmitTitle}
              confirmLabel={f.submit}
              cancelLabel={t.calls.cancel}
              onConfirm={() => s.run('submit')}
              isDisabled={s.busy}
            >
              <p>{f.confirmSubmitBody}</p>
            </ConfirmDialog>
          </>
        )}
      </div>
    </form>
  );
}
