/**
 * The demo programmes of the articles: Béthune's smart-territory accompaniment (never more than 20
 * companies at once, continuous entry), French Tech Aix-Marseille's 3-month Stardust with a
 * cohort, and Calais' Tektos accelerator. Bybe and Atlas, the start-ups the cluster accompanies,
 * entered four months before the demo was loaded, with their mentoring, milestones and monthly
 * figures; the articles name no start-up in Stardust or Tektos, so none is invented.
 */
import { type SQL, sql } from 'drizzle-orm';
import { createProgrammesServices } from '../modules/programmes/index.ts';
import type { Ctx, Deps } from '../platform/context.ts';
import { addDays, todayIn, toPlainDate } from '../platform/time/index.ts';

type Services = ReturnType<typeof createProgrammesServices>;
const zone = 'Europe/Paris';

const bethuneThemes = [
  'transition-energetique',
  'economie-circulaire',
  'industrie-du-futur',
  'transformation-digitale',
  'mobilite-intelligente',
  'gestion-des-donnees',
];

/** A company's accompaniment: its sessions (days after entry, minutes, topic) and milestones (days after entry). */
const accompaniments: Record<
  string,
  { sessions: [number, number, string][]; milestones: [string, number, boolean][]; kpis: [number, number][] }
> = {
  Bybe: {
    sessions: [
      [7, 90, 'Diagnostic et feuille de route'],
      [35, 60, 'Modèle économique : commission par mise en relation'],
      [70, 60, 'Préparation de la levée de fonds'],
    ],
    milestones: [
      ['Ouverture aux piscines de Lens-Liévin', 45, true],
      ['Levée de fonds d’amorçage', 100, false],
      ['Application mobile maîtres-nageurs', 150, false],
    ],
    // Headcount and funds raised to date (cents), answered each month.
    kpis: [
      [7, 45_000_000],
      [8, 45_000_000],
      [8, 60_000_000],
    ],
  },
  Atlas: {
    sessions: [
      [10, 120, 'Industrialisation de la mobylette électrique'],
      [40, 90, 'Achats et fournisseurs locaux'],
    ],
    milestones: [
      ['Homologation du modèle', 60, true],
      ['Série pilote de 50 mobylettes', 110, false],
    ],
    kpis: [
      [12, 80_000_000],
      [13, 80_000_000],
    ],
  },
};

/** Services whose clock says `date` (10:00 in Paris), so the demo's history has its real dates. */
const at = (deps: Deps, date: string) => createProgrammesServices({ ...deps, clock: { now: () => new Date(`${date}T09:00:00Z`) } });

async function seedBethune(deps: Deps, ctx: Ctx, today: string): Promise<void> {
  const slug = 'bethune-bruay';
  const p = await createProgrammesServices(deps).programmes.create(ctx, slug, {
    slug: 'accompagnement-territoire-intelligent',
    nameFr: 'Accompagnement du cluster du territoire intelligent',
    nameEn: 'Smart-territory cluster accompaniment',
    descriptionFr:
      'Appel à projets continu : éligible si le projet relève d’au moins une des six thématiques ; jamais plus de 20 entreprises accompagnées.',
    descriptionEn:
      'A continuous call for projects: eligible when the project matches at least one of the six themes; never more than 20 companies accompanied.',
    kind: 'incubation',
    entry: 'continuous',
    defaultDurationMonths: 12,
    cap: 20,
    themes: bethuneThemes,
    isPublished: true,
  });
  const entered = toPlainDate(today).subtract({ months: 4 }).with({ day: 6 }).toString();
  const advisor = await idOf(
    deps,
    sql`SELECT p.id FROM people p JOIN territories t ON t.id = p.territory_id
    WHERE t.slug = ${slug} AND p.last_name = 'Benali'`,
  );
  for (const [name, plan] of Object.entries(accompaniments)) {
    const org = await idOf(
      deps,
      sql`SELECT o.id FROM organizations o JOIN territories t ON t.id = o.territory_id
      WHERE t.slug = ${slug} AND o.name = ${name}`,
    );
    if (!org) continue;
    const { enrolmentId } = await at(deps, entered).enrolments.enrol(ctx, slug, p.id, { organizationId: org });
    await seedAccompaniment(deps, ctx, slug, enrolmentId, entered, today, plan, advisor);
  }
}

/** The id the demo directory gave a record, read back by name. */
async function idOf(deps: Deps, query: SQL): Promise<string | undefined> {
  const r = await deps.database.transaction({ system: true }, (tx) => tx.execute<{ id: string }>(query));
  return (r as unknown as { rows: { id: string }[] }).rows[0]?.id;
}

async function seedAccompaniment(
  deps: Deps,
  ctx: Ctx,
  slug: string,
  enrolmentId: string,
  entered: string,
  today: string,
  plan: (typeof accompaniments)[string],
  advisor: string | undefined,
): Promise<void> {
  const services: Services = createProgrammesServices(deps);
  const withMentor = advisor ? await services.mentoring.addSupporter(ctx, slug, enrolmentId, { role: 'mentor', personId: advisor }) : null;
  const mentor = withMentor?.supporters[0]?.id ?? null;
  for (const [day, durationMinutes, topic] of plan.sessions) {
    const heldOn = addDays(entered, day);
    if (heldOn <= today)
      await services.mentoring.logSession(ctx, slug, enrolmentId, { heldOn, durationMinutes, topic, supporterId: mentor });
  }
  for (const [title, day, done] of plan.milestones) {
    const m = await services.mentoring.addMilestone(ctx, slug, enrolmentId, { title, dueOn: addDays(entered, day) });
    if (done && addDays(entered, day - 3) <= today)
      await services.mentoring.updateMilestone(ctx, slug, m.id, { status: 'done', doneOn: addDays(entered, day - 3) });
  }
  // The monthly requests of the past months, answered a few days after the 1st.
  for (const [i, [headcount, fundsRaisedCents]] of plan.kpis.entries()) {
    const first = toPlainDate(entered)
      .with({ day: 1 })
      .add({ months: i + 1 })
      .toString();
    if (first > today) break;
    await at(deps, first).kpi.runMonthly();
    await at(deps, addDays(first, 3)).kpi.recordForCompany(ctx, slug, enrolmentId, first.slice(0, 7), { headcount, fundsRaisedCents });
  }
}

/** Loads the demo programmes once per territory (skipped where programmes exist). */
export async function seedProgrammes(deps: Deps, ctx: Ctx): Promise<void> {
  const { programmes } = createProgrammesServices(deps);
  const today = todayIn(zone, deps.clock.now());
  if (!(await programmes.list(ctx, 'bethune-bruay')).items.length) await seedBethune(deps, ctx, today);
  if (!(await programmes.list(ctx, 'aix-marseille')).items.length) {
    const stardust = await programmes.create(ctx, 'aix-marseille', {
      slug: 'stardust',
      nameFr: 'Stardust',
      nameEn: 'Stardust',
      descriptionFr: 'Trois mois, sur sélection, pour tester des applications mobiles, des sites web et des objets connectés.',
      descriptionEn: 'Three months, on selection, to test mobile apps, websites and connected objects.',
      kind: 'acceleration',
      entry: 'cohorts',
      defaultDurationMonths: 3,
      cap: 12,
      themes: ['objets-connectes', 'sans-contact'],
      isPublished: true,
    });
    const start = toPlainDate(today).with({ day: 1 }).add({ months: 1 });
    await programmes.addCohort(ctx, 'aix-marseille', stardust.id, {
      name: `Promotion ${start.toString().slice(0, 7)}`,
      startsOn: start.toString(),
      endsOn: start.add({ months: 3 }).subtract({ days: 1 }).toString(),
      cap: 8,
    });
  }
  if (!(await programmes.list(ctx, 'calaisis')).items.length)
    await programmes.create(ctx, 'calaisis', {
      slug: 'accelerateur-tektos',
      nameFr: 'Accélérateur Tektos',
      nameEn: 'Tektos accelerator',
      descriptionFr: 'Accélérateur de start-up de la pépinière de l’agglomération, tourné vers les start-up franco-britanniques.',
      descriptionEn: 'The start-up accelerator of the agglomeration’s nursery, turned towards Franco-British start-ups.',
      kind: 'acceleration',
      entry: 'continuous',
      defaultDurationMonths: 6,
      cap: 6,
      themes: ['numerique', 'franco-britannique'],
      isPublished: true,
    });
}
