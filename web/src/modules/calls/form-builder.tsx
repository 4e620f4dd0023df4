import { useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, LiveRegion, TextField } from '../../ui/index.ts';
import { type Call, callsPaths, type FormDefinition, pick, type Question, questionsOf, type Section } from './calls.api.ts';
import { FormPreview } from './form-preview.tsx';
import { QuestionEditor } from './question-editor.tsx';

/** A fresh id not used by the form yet (`question_3`, `section_2`). */
function freshId(prefix: string, taken: string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** Moves the item at `i` by `delta` (−1 up, +1 down) in a copy of the list. */
function moved<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  return copy;
}

type SectionProps = {
  section: Section;
  index: number;
  count: number;
  form: FormDefinition;
  onChange: (s: Section) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  errors: Record<string, { message: string }>;
  locked: boolean;
};

function SectionEditor({ section, index, count, form, onChange, onMove, onRemove, errors, locked }: SectionProps) {
  const { t, locale } = useI18n();
  const b = t.calls.builder;
  const name = pick(locale, section.titleFr, section.titleEn) || section.id;
  const path = `form.sections.${index}`;
  const setQuestions = (questions: Question[]) => onChange({ ...section, questions });
  const earlier = questionsOf({ sections: form.sections.slice(0, index) });
  return (
    <fieldset className="form-section builder-section">
      <legend>{b.sectionLegend(index + 1, name)}</legend>
      <div className="form-grid">
        <TextField
          label={b.sectionTitleFr}
          name={`${path}.titleFr`}
          value={section.titleFr}
          onChange={(titleFr) => onChange({ ...section, titleFr })}
          errorMessage={errors[`${path}.titleFr`]?.message}
        />
        <TextField
          label={b.sectionTitleEn}
          name={`${path}.titleEn`}
          value={section.titleEn}
          onChange={(titleEn) => onChange({ ...section, titleEn })}
          errorMessage={errors[`${path}.titleEn`]?.message}
        />
      </div>
      {section.questions.length === 0 && <p className="empty">{b.noQuestions}</p>}
      {section.questions.map((q, i) => (
        <QuestionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: ids are typed in place, so the position is what stays stable while editing.
          key={`${i}:${q.type}`}
          question={q}
          number={i + 1}
          earlier={[...earlier, ...section.questions.slice(0, i)]}
          path={`${path}.questions.${i}`}
          errors={errors}
          isFirst={i === 0}
          isLast={i === section.questions.length - 1}
          locked={locked}
          onChange={(next) => setQuestions(section.questions.map((x, k) => (k === i ? next : x)))}
          onMove={(delta) => setQuestions(moved(section.questions, i, delta))}
          onRemove={() => setQuestions(section.questions.filter((_, k) => k !== i))}
        />
      ))}
      {!locked && (
        <div className="actions-row">
          <Button
            variant="secondary"
            onPress={() => {
              const id = freshId(
                'question',
                questionsOf(form).map((q) => q.id),
              );
              setQuestions([...section.questions, { id, type: 'short_text', labelFr: '', labelEn: '', required: false, maxLength: 200 }]);
            }}
          >
            {b.addQuestion(name)}
          </Button>
          <Button variant="quiet" onPress={() => onMove(-1)} isDisabled={index === 0} aria-label={b.sectionUp(name)}>
            {b.up}
          </Button>
          <Button variant="quiet" onPress={() => onMove(1)} isDisabled={index === count - 1} aria-label={b.sectionDown(name)}>
            {b.down}
          </Button>
          <Button variant="quiet" className="btn-danger" onPress={onRemove} aria-label={b.sectionRemove(name)}>
            {b.remove}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/**
 * The application form's builder: sections and questions added, reordered and removed, each
 * question's type, labels, options, limits, condition and eligibility rule. The server checks the
 * whole definition when it is saved and refuses changes once an application has been submitted.
 */
export function FormBuilder({ call, slug, onSaved }: { call: Call; slug: string; onSaved: (c: Call) => void }) {
  const { t } = useI18n();
  const b = t.calls.builder;
  const [form, setForm] = useState<FormDefinition>(call.form);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setSections = (sections: Section[]) => setForm({ sections });
  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const saved = await apiRequest<Call>(callsPaths.call(slug, call.id), { method: 'PATCH', body: { form } });
      setForm(saved.form);
      setDone(b.saved);
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="builder-heading" className="form-builder">
      <h2 id="builder-heading">{b.heading}</h2>
      <p>{call.formLocked ? b.lockedIntro : b.intro}</p>
      <ProblemAlert error={error} />
      <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
      {form.sections.length === 0 && <p className="empty">{b.empty}</p>}
      {form.sections.map((section, i) => (
        <SectionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: ids are typed in place, so the position is what stays stable while editing.
          key={`${i}:${section.id}`}
          section={section}
          index={i}
          count={form.sections.length}
          form={form}
          errors={fieldProblems(error)}
          locked={call.formLocked}
          onChange={(next) => setSections(form.sections.map((x, k) => (k === i ? next : x)))}
          onMove={(delta) => setSections(moved(form.sections, i, delta))}
          onRemove={() => setSections(form.sections.filter((_, k) => k !== i))}
        />
      ))}
      {!call.formLocked && (
        <div className="actions-row">
          <Button
            variant="secondary"
            onPress={() =>
              setSections([
                ...form.sections,
                {
                  id: freshId(
                    'section',
                    form.sections.map((s) => s.id),
                  ),
                  titleFr: '',
                  titleEn: '',
                  questions: [],
                },
              ])
            }
          >
            {b.addSection}
          </Button>
          <Button onPress={save} isDisabled={busy}>
            {b.save}
          </Button>
        </div>
      )}
      {form.sections.length > 0 && <FormPreview form={form} call={call} slug={slug} />}
    </section>
  );
}
