import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Answers, type Call, type FormDefinition, pick, visibleQuestions } from './calls.api.ts';
import { QuestionField } from './question-field.tsx';

/**
 * The form as applicants will see it, drawn from the builder's unsaved state: answers typed here
 * stay in the page (conditions can be tried), nothing is sent, and file questions stay disabled.
 */
export function FormPreview({ form, call, slug }: { form: FormDefinition; call: Call; slug: string }) {
  const { t, locale } = useI18n();
  const [answers, setAnswers] = useState<Answers>({});
  const visible = visibleQuestions(form, answers);
  return (
    <details className="form-preview">
      <summary>{t.calls.builder.preview}</summary>
      <p className="field-hint">{t.calls.builder.previewHint}</p>
      {form.sections.map((section, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections are being edited; the position is their identity here.
        <fieldset key={i} className="form-section">
          <legend>{pick(locale, section.titleFr, section.titleEn) || section.id}</legend>
          {section.questions
            .filter((q) => visible.has(q.id))
            .map((q) => (
              <div key={q.id} className="question">
                <QuestionField
                  question={q}
                  value={answers[q.id]}
                  onChange={(v) => setAnswers((prev) => ({ ...prev, [q.id]: v }))}
                  call={call}
                  slug={slug}
                  applicationId=""
                  isDisabled={q.type === 'file'}
                />
              </div>
            ))}
        </fieldset>
      ))}
    </details>
  );
}
