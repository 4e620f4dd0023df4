/** Gathers what the screening needs from the directory and the territory, then runs `eligibility.ts`. */
import { eq } from 'drizzle-orm';
import { instantToZoned } from '../../platform/time/index.ts';
import { organizations, organizationThemes } from '../directory/index.ts';
import { territoryCommunes, territoryThemes } from '../territories/index.ts';
import type { ApplicationRow } from './application-access.ts';
import type { CallRow } from './call-dto.ts';
import { screen, type TReason } from './eligibility.ts';
import { questionsOf, type TFormDefinition } from './forms.ts';
import type { Scoped } from './scope.ts';

/** Theme slugs chosen in the form's theme questions. */
export function answeredThemes(form: TFormDefinition, answers: Record<string, unknown>): string[] {
  const chosen = questionsOf(form)
    .filter((q) => q.type === 'theme_choice')
    .flatMap((q) => (Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : []));
  return [...new Set(chosen)];
}

/** An application's themes: those answered in the form and those of its organisation in the directory. */
export async function applicationThemes(s: Scoped, call: CallRow, a: Pick<ApplicationRow, 'organizationId' | 'answers'>) {
  const org = await s.tx
    .select({ slug: territoryThemes.slug })
    .from(organizationThemes)
    .innerJoin(territoryThemes, eq(territoryThemes.id, organizationThemes.themeId))
    .where(eq(organizationThemes.organizationId, a.organizationId));
  return [...new Set([...answeredThemes(call.form, a.answers), ...org.map((o) => o.slug)])];
}

export async function screenApplication(s: Scoped, call: CallRow, a: ApplicationRow, now: Date): Promise<TReason[]> {
  const [org] = await s.tx.select().from(organizations).where(eq(organizations.id, a.organizationId)).limit(1);
  const communes = await s.tx.select({ insee: territoryCommunes.inseeCode }).from(territoryCommunes);
  return screen({
    eligibility: call.eligibility,
    callThemes: call.themes,
    territoryCommunes: new Set(communes.map((c) => c.insee)),
    year: Number(instantToZoned(now, s.territory.timeZone).date.slice(0, 4)),
    candidate: {
      kind: org?.kind ?? '',
      communeInsee: org?.communeInsee ?? null,
      foundingYear: org?.foundingYear ?? null,
      themes: await applicationThemes(s, call, a),
    },
    form: call.form,
    answers: a.answers,
  });
}
