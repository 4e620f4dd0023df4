/**
 * Answers checked against a form definition on the server: hidden questions are ignored (and
 * dropped), unknown ones refused, types and limits checked, required ones enforced on submission.
 * Errors carry the path `answers.<questionId>` and a French and English message.
 */
import { isLocalDate } from '../../platform/time/index.ts';
import { questionsOf, type TFormDefinition, type TQuestion } from './forms.ts';

export type TAnswers = Record<string, unknown>;
export type TAnswerError = { path: string; code: string; fr: string; en: string };
export type TAnswerCheck = { answers: TAnswers; errors: TAnswerError[] };
type Options = { themes: readonly string[]; submit: boolean };

const err = (id: string, code: string, fr: string, en: string): TAnswerError => ({ path: `answers.${id}`, code, fr, en });
const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Whether a question is shown, given the answers (a condition on a hidden question hides it too). */
export function visibleQuestions(form: TFormDefinition, answers: TAnswers): Set<string> {
  const visible = new Set<string>();
  for (const q of questionsOf(form)) {
    const w = q.showWhen;
    if (!w) {
      visible.add(q.id);
      continue;
    }
    if (!visible.has(w.questionId)) continue;
    const a = answers[w.questionId];
    const shown = w.operator === 'equals' ? a === w.value : Array.isArray(a) && a.includes(w.value);
    if (shown) visible.add(q.id);
  }
  return visible;
}

function checkChoices(q: TQuestion, v: unknown, allowed: readonly string[], max: number | undefined): TAnswerError | null {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    return err(q.id, 'type', 'Choisissez dans la liste.', 'Choose from the list.');
  if (new Set(v).size !== v.length || v.some((x) => !allowed.includes(x)))
    return err(q.id, 'choice', 'Choix inconnu ou répété.', 'Unknown or repeated choice.');
  if (max !== undefined && v.length > max) return err(q.id, 'max_choices', `Au plus ${max} choix.`, `At most ${max} choices.`);
  return null;
}

function checkRange(q: TQuestion, n: number, min: number | undefined, max: number | undefined, unit = ''): TAnswerError | null {
  if (min !== undefined && n < min) return err(q.id, 'min', `Au moins ${min}${unit}.`, `At least ${min}${unit}.`);
  if (max !== undefined && n > max) return err(q.id, 'max', `Au plus ${max}${unit}.`, `At most ${max}${unit}.`);
  return null;
}

/** The type and limits of one non-empty answer. */
export function checkAnswer(q: TQuestion, v: unknown, themes: readonly string[]): TAnswerError | null {
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      if (typeof v !== 'string') return err(q.id, 'type', 'Un texte est attendu.', 'Text is expected.');
      if (v.length > q.maxLength)
        return err(q.id, 'max_length', `${q.maxLength} caractères au plus.`, `At most ${q.maxLength} characters.`);
      return null;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return err(q.id, 'type', 'Un nombre est attendu.', 'A number is expected.');
      return checkRange(q, v, q.min, q.max);
    case 'money':
      if (typeof v !== 'number' || !Number.isSafeInteger(v))
        return err(q.id, 'type', 'Un montant en centimes (entier) est attendu.', 'An amount in whole cents is expected.');
      return checkRange(q, v, q.minCents ?? 0, q.maxCents, ' ¢');
    case 'date':
      return typeof v === 'string' && isLocalDate(v)
        ? null
        : err(q.id, 'type', 'Une date AAAA-MM-JJ est attendue.', 'A YYYY-MM-DD date is expected.');
    case 'single_choice':
      return typeof v === 'string' && q.options.some((o) => o.value === v)
        ? null
        : err(q.id, 'choice', 'Choisissez une option de la liste.', 'Choose an option from the list.');
    case 'multiple_choice':
      return checkChoices(
        q,
        v,
        q.options.map((o) => o.value),
        q.maxChoices,
      );
    case 'theme_choice':
      return checkChoices(q, v, themes, q.maxChoices);
    case 'file':
      return isUuid(v) ? null : err(q.id, 'type', 'Un fichier déposé est attendu.', 'An uploaded file is expected.');
    default:
      return null;
  }
}

/**
 * Checks `answers` against `form`: a draft may be incomplete, a submission must answer every
 * visible required question. The returned answers hold only visible, known, non-empty ones.
 */
export function checkAnswers(form: TFormDefinition, answers: TAnswers, { themes, submit }: Options): TAnswerCheck {
  const questions = questionsOf(form);
  const known = new Set(questions.map((q) => q.id));
  const errors: TAnswerError[] = Object.keys(answers)
    .filter((k) => !known.has(k))
    .map((k) => err(k, 'unknown_question', 'Question inconnue.', 'Unknown question.'));
  const visible = visibleQuestions(form, answers);
  const kept: TAnswers = {};
  for (const q of questions) {
    const v = answers[q.id];
    if (!visible.has(q.id)) continue;
    if (isEmpty(v)) {
      if (submit && q.required) errors.push(err(q.id, 'required', 'Cette question est obligatoire.', 'This question is required.'));
      continue;
    }
    const e = checkAnswer(q, v, themes);
    if (e) errors.push(e);
    else kept[q.id] = v;
  }
  return { answers: kept, errors };
}

/** Question ids whose answers differ between two revisions (what reviewers see as changed). */
export function changedQuestions(before: TAnswers, after: TAnswers): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id])).sort();
}
