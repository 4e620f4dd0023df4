/**
 * Automatic screening at submission: the call's eligibility (organisation kind, commune in the
 * territory, company age from the founding year, matching themes) and the eligibility questions'
 * rules. Each failure is a reason in French and English, shown to the applicant in their language.
 */
import { visibleQuestions } from './answers.ts';
import { questionsOf, type TEligibility, type TFormDefinition, type TQuestion } from './forms.ts';

export type TReason = { code: string; fr: string; en: string };
export type TCandidate = {
  kind: string;
  communeInsee: string | null;
  foundingYear: number | null;
  /** Themes of the application (theme answers and the organisation's themes), as slugs. */
  themes: readonly string[];
};
export type TScreeningInput = {
  eligibility: TEligibility;
  callThemes: readonly string[];
  territoryCommunes: ReadonlySet<string>;
  /** The current year in the territory's zone. */
  year: number;
  candidate: TCandidate;
  form: TFormDefinition;
  answers: Record<string, unknown>;
};

function callReasons({ eligibility: e, callThemes, territoryCommunes, year, candidate: c }: TScreeningInput): TReason[] {
  const reasons: TReason[] = [];
  if (e.organizationKinds.length && !e.organizationKinds.includes(c.kind as never))
    reasons.push({
      code: 'organization_kind',
      fr: 'Ce type de structure ne peut pas candidater à cet appel.',
      en: 'This kind of organisation may not apply to this call.',
    });
  if (e.inTerritory && (!c.communeInsee || !territoryCommunes.has(c.communeInsee)))
    reasons.push({
      code: 'location',
      fr: 'La structure doit être située dans une commune du territoire.',
      en: "The organisation must be located in one of the territory's communes.",
    });
  if (e.maxCompanyAgeYears !== null && (c.foundingYear === null || year - c.foundingYear > e.maxCompanyAgeYears))
    reasons.push({
      code: 'company_age',
      fr: `L'entreprise doit avoir été créée il y a ${e.maxCompanyAgeYears} ans au plus (année de création connue).`,
      en: `The company must have been founded at most ${e.maxCompanyAgeYears} years ago (founding year known).`,
    });
  const matching = c.themes.filter((t) => callThemes.includes(t)).length;
  if (matching < e.minMatchingThemes)
    reasons.push({
      code: 'themes',
      fr: `Le projet doit correspondre à au moins ${e.minMatchingThemes} thématique(s) de l'appel.`,
      en: `The project must match at least ${e.minMatchingThemes} of the call's themes.`,
    });
  return reasons;
}

/** Whether an answer satisfies an eligibility question's rule (an unanswered question fails it). */
export function passesRule(q: TQuestion, answer: unknown): boolean {
  const r = q.eligibility?.rule;
  if (!r) return true;
  if (answer === undefined || answer === null) return false;
  switch (r.kind) {
    case 'equals':
      return answer === r.value;
    case 'one_of':
      return r.values.includes(answer as never);
    case 'range':
      return typeof answer === 'number' && (r.min === undefined || answer >= r.min) && (r.max === undefined || answer <= r.max);
    case 'includes':
      return Array.isArray(answer) && answer.includes(r.value);
    default:
      return false;
  }
}

/** Every reason the application is ineligible; empty when it is eligible. */
export function screen(input: TScreeningInput): TReason[] {
  const visible = visibleQuestions(input.form, input.answers);
  const questionReasons = questionsOf(input.form)
    .filter((q) => q.eligibility && visible.has(q.id) && !passesRule(q, input.answers[q.id]))
    .map((q) => ({ code: `question:${q.id}`, fr: q.eligibility?.reasonFr ?? '', en: q.eligibility?.reasonEn ?? '' }));
  return [...callReasons(input), ...questionReasons];
}
