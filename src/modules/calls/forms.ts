/**
 * The definitions a call stores as JSON: its application form (sections and questions with stable
 * ids), its eligibility, its documents and each stage's rubric. Validated with Zod on every write,
 * so what the database holds is always readable by `answers.ts` and `eligibility.ts`.
 */
import { z } from 'zod';
import { ZRequiredText, ZText } from '../../platform/http/contract.ts';
import { organizationKinds } from '../directory/directory.values.ts';

const ZId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (max 40), starting with a letter');
const ZLabel = ZRequiredText(300);
const ZHelp = ZText(2000).optional();
export const ZScalar = z.union([z.string().max(200), z.number(), z.boolean()]);

/** "Show this question when question `questionId` equals / includes `value`." */
export const ZShowWhen = z.strictObject({
  questionId: ZId,
  operator: z.enum(['equals', 'includes']),
  value: ZScalar,
});

/** An eligibility question's rule; the reason is shown to the applicant when the answer fails it. */
export const ZEligibilityRule = z.strictObject({
  rule: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('equals'), value: ZScalar }),
    z.strictObject({ kind: z.literal('one_of'), values: z.array(ZScalar).min(1).max(50) }),
    z.strictObject({ kind: z.literal('range'), min: z.number().optional(), max: z.number().optional() }),
    z.strictObject({ kind: z.literal('includes'), value: ZScalar }),
  ]),
  reasonFr: ZLabel,
  reasonEn: ZLabel,
});

const ZOption = z.strictObject({ value: ZId, labelFr: ZLabel, labelEn: ZLabel });
const base = {
  id: ZId,
  labelFr: ZLabel,
  labelEn: ZLabel,
  helpFr: ZHelp,
  helpEn: ZHelp,
  required: z.boolean().default(false),
  showWhen: ZShowWhen.optional(),
  eligibility: ZEligibilityRule.optional(),
};
export const fileTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export const ZQuestion = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('short_text'), maxLength: z.number().int().min(1).max(500).default(200) }),
  z.strictObject({ ...base, type: z.literal('long_text'), maxLength: z.number().int().min(1).max(20_000).default(3000) }),
  z.strictObject({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('money'),
    minCents: z.number().int().min(0).optional(),
    maxCents: z.number().int().min(0).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('date') }),
  z.strictObject({ ...base, type: z.literal('single_choice'), options: z.array(ZOption).min(1).max(50) }),
  z.strictObject({
    ...base,
    type: z.literal('multiple_choice'),
    options: z.array(ZOption).min(1).max(50),
    maxChoices: z.number().int().min(1).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('theme_choice'), maxChoices: z.number().int().min(1).optional() }),
  z.strictObject({
    ...base,
    type: z.literal('file'),
    allowedTypes: z.array(z.enum(fileTypes)).min(1),
    maxSizeBytes: z
      .number()
      .int()
      .min(1)
      .max(10 * 1024 * 1024),
  }),
]);
export type TQuestion = z.output<typeof ZQuestion>;

const ZSection = z.strictObject({ id: ZId, titleFr: ZLabel, titleEn: ZLabel, questions: z.array(ZQuestion).max(100) });

/** Every question id once; a condition only looks at an earlier question, so visibility is computed in one pass. */
export const ZFormDefinition = z.strictObject({ sections: z.array(ZSection).max(30) }).superRefine((form, ctx) => {
  const seen = new Set<string>();
  for (const [s, section] of form.sections.entries()) {
    for (const [i, q] of section.questions.entries()) {
      const path = ['sections', s, 'questions', i];
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate question id ${q.id}` });
      if (q.showWhen && !seen.has(q.showWhen.questionId))
        ctx.addIssue({ code: 'custom', path: [...path, 'showWhen'], message: 'a condition must refer to an earlier question' });
      seen.add(q.id);
    }
  }
});
export type TFormDefinition = z.output<typeof ZFormDefinition>;
export const emptyForm: TFormDefinition = { sections: [] };

/** Every question of a form, in order. */
export const questionsOf = (form: TFormDefinition): TQuestion[] => form.sections.flatMap((s) => s.questions);

export const ZEligibility = z.strictObject({
  organizationKinds: z.array(z.enum(organizationKinds)).max(20).default([]),
  /** The organisation's commune must be one of the territory's communes. */
  inTerritory: z.boolean().default(false),
  maxCompanyAgeYears: z.number().int().min(0).max(200).nullable().default(null),
  minMatchingThemes: z.number().int().min(0).max(50).default(0),
});
export type TEligibility = z.output<typeof ZEligibility>;

export const ZCallDocument = z.strictObject({ titleFr: ZLabel, titleEn: ZLabel, url: z.url({ protocol: /^https?$/ }).max(2000) });
export type TCallDocument = z.output<typeof ZCallDocument>;

export const ZCriterion = z
  .strictObject({
    id: ZId,
    labelFr: ZLabel,
    labelEn: ZLabel,
    weight: z.number().int().min(1).max(100),
    min: z.number().int().min(0).max(100).default(0),
    max: z.number().int().min(1).max(100).default(5),
  })
  .refine((c) => c.max > c.min, { message: 'max must exceed min', path: ['max'] });
export const ZRubric = z
  .strictObject({ criteria: z.array(ZCriterion).max(30) })
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, {
    message: 'duplicate criterion id',
    path: ['criteria'],
  });
export type TRubric = z.output<typeof ZRubric>;
