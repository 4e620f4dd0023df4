/**
 * The demo calls of the articles: Béthune's continuous smart-territory call (six themes, at least one
 * matching), Louvre Lens Vallée's call with its laureates, French Tech Aix-Marseille's Stardust
 * programme. Loaded through the services; applications are entered by each territory's staff.
 */
import { and, eq } from 'drizzle-orm';
import { createCallsServices, ZFormDefinition } from '../modules/calls/index.ts';
import { organizations } from '../modules/directory/index.ts';
import { createMembersService, loadActor, users } from '../modules/identity/index.ts';
import { programmes } from '../modules/programmes/index.ts';
import { territories } from '../modules/territories/index.ts';
import type { Ctx, Deps } from '../platform/context.ts';
import { addDays, todayIn } from '../platform/time/index.ts';

type DemoApplication = { org: string; summary: string; themes: string[]; decision?: 'selected' | 'rejected'; reason?: string };
type DemoCall = {
  territory: string;
  slug: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  themes: string[];
  staff: string;
  reviewer: { email: string; displayName: string; themes: string[] };
  applications: DemoApplication[];
  window?: boolean;
  publishLaureates?: boolean;
  /** The slug of the territory's programme that selected applicants enter. */
  programme?: string;
};

const form = (themesLabel: string) => ({
  sections: [
    {
      id: 'projet',
      titleFr: 'Le projet',
      titleEn: 'The project',
      questions: [
        { id: 'resume', type: 'long_text', labelFr: 'Résumé du projet', labelEn: 'Project summary', required: true, maxLength: 2000 },
        { id: 'thematiques', type: 'theme_choice', labelFr: themesLabel, labelEn: 'Themes of the project', required: true },
        { id: 'emplois', type: 'number', labelFr: 'Emplois prévus à 3 ans', labelEn: 'Jobs planned within 3 years', min: 0, max: 10_000 },
      ],
    },
  ],
});

const demoCalls: DemoCall[] = [
  {
    territory: 'bethune-bruay',
    slug: 'cluster-territoire-intelligent',
    programme: 'accompagnement-territoire-intelligent',
    titleFr: 'Rejoindre le Cluster du territoire intelligent',
    titleEn: 'Join the smart-territory cluster',
    descriptionFr: 'Appel à projets continu : tout projet répondant à au moins une des six thématiques du territoire intelligent.',
    descriptionEn: 'Continuous call for projects: any project matching at least one of the six smart-territory themes.',
    themes: [
      'transition-energetique',
      'economie-circulaire',
      'industrie-du-futur',
      'transformation-digitale',
      'mobilite-intelligente',
      'gestion-des-donnees',
    ],
    staff: 'hugo.durand@demo.totem.localhost',
    reviewer: {
      email: 'manon.garnier@demo.totem.localhost',
      displayName: 'Manon Garnier',
      themes: ['mobilite-intelligente', 'economie-circulaire'],
    },
    applications: [
      {
        org: 'atlas',
        summary: 'Mobylette électrique éco-conçue, fabriquée avec de l’emploi local.',
        themes: ['mobilite-intelligente', 'economie-circulaire'],
      },
      { org: 'bybe', summary: 'Mise en relation des piscines et des maîtres-nageurs disponibles.', themes: ['transformation-digitale'] },
    ],
  },
  {
    territory: 'lens-lievin',
    slug: 'appel-numerique-culturel',
    titleFr: 'Appel à projets du numérique culturel',
    titleEn: 'Cultural digital call for projects',
    descriptionFr: 'Les lauréats sont accompagnés par Louvre Lens Vallée et présentés aux Connec’TIC Days.',
    descriptionEn: 'Laureates are supported by Louvre Lens Vallée and presented at the Connec’TIC Days.',
    themes: ['e-tourisme', 'e-education', 'mediation-culturelle', 'auto-edition'],
    staff: 'lea.moreau@demo.totem.localhost',
    reviewer: { email: 'nathan.roux@demo.totem.localhost', displayName: 'Nathan Roux', themes: ['e-tourisme', 'auto-edition'] },
    applications: [
      {
        org: 'urbik',
        summary: 'Bornes connectées touristiques.',
        themes: ['e-tourisme'],
        decision: 'selected',
        reason: 'Projet mûr, marché identifié.',
      },
      {
        org: 'book-d-oreille',
        summary: 'Livres audio adaptés.',
        themes: ['auto-edition'],
        decision: 'selected',
        reason: 'Partenariat éditeur prometteur.',
      },
      { org: 'audace', summary: 'Jeux pédagogiques.', themes: ['e-education'], decision: 'rejected', reason: 'Projet à préciser.' },
    ],
    publishLaureates: true,
  },
  {
    territory: 'aix-marseille',
    slug: 'stardust',
    titleFr: 'Stardust : trois mois pour tester votre projet',
    titleEn: 'Stardust: three months to test your project',
    descriptionFr:
      'Accueil sur sélection, pendant trois mois, de porteurs de projets d’applications mobiles, sites web ou objets connectés.',
    descriptionEn: 'Selected holders of mobile apps, websites or connected-object projects are hosted for three months.',
    themes: ['objets-connectes', 'sans-contact'],
    staff: 'chloe.fournier@demo.totem.localhost',
    reviewer: { email: 'theo.faure@demo.totem.localhost', displayName: 'Théo Faure', themes: ['objets-connectes'] },
    applications: [
      { org: 'carrefour-innovation', summary: 'Vitrine d’objets connectés en conditions réelles.', themes: ['objets-connectes'] },
    ],
    window: true,
  },
];

async function actorFor(deps: Pick<Deps, 'database'>, email: string) {
  return deps.database.transaction({ system: true }, async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    return u ? loadActor(tx, u.id, 'session') : null;
  });
}

async function organizationId(deps: Pick<Deps, 'database'>, key: string) {
  const [row] = await deps.database.transaction({ system: true }, (tx) =>
    tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.externalId, `demo:${key}`))
      .limit(1),
  );
  return row?.id;
}

/** The id of a territory's programme by its slug (seeded before the calls), or null. */
async function programmeId(deps: Deps, territorySlug: string, slug: string): Promise<string | null> {
  const [row] = await deps.database.transaction({ system: true }, (tx) =>
    tx
      .select({ id: programmes.id })
      .from(programmes)
      .innerJoin(territories, eq(territories.id, programmes.territoryId))
      .where(and(eq(programmes.slug, slug), eq(territories.slug, territorySlug))),
  );
  return row?.id ?? null;
}

async function seedOne(deps: Deps, ctx: Ctx, c: DemoCall, password: string) {
  const s = createCallsServices(deps);
  const exists = await s.calls.get(ctx, c.territory, c.slug).then(
    () => true,
    () => false,
  );
  const staffActor = await actorFor(deps, c.staff);
  if (exists || !staffActor) return;
  const today = todayIn('Europe/Paris', deps.clock.now());
  const window = c.window
    ? { intake: 'window' as const, opensLocal: `${addDays(today, -30)}T09:00`, closesLocal: `${addDays(today, 60)}T18:00` }
    : { intake: 'continuous' as const, opensLocal: null, closesLocal: null };
  const eligibility = { organizationKinds: [], inTerritory: false, maxCompanyAgeYears: null, minMatchingThemes: 1 };
  const { territory, staff: _s, reviewer: _r, applications: _a, window: _w, publishLaureates: _p, programme, ...fields } = c;
  const call = await s.calls.create(ctx, territory, {
    ...fields,
    ...window,
    programmeId: programme ? await programmeId(deps, territory, programme) : null,
    eligibility,
    documents: [],
    form: ZFormDefinition.parse(form('Thématiques')),
  });
  await s.calls.setStatus(ctx, territory, call.id, 'published');
  const staffCtx = { ...ctx, actor: staffActor };
  const ids: string[] = [];
  for (const a of c.applications) {
    const orgId = await organizationId(deps, a.org);
    if (!orgId) continue;
    const app = await s.applications.create(staffCtx, territory, call.id, {
      organizationId: orgId,
      answers: { resume: a.summary, thematiques: a.themes },
    });
    await s.applications.submit(staffCtx, territory, app.id);
    ids.push(app.id);
  }
  await createMembersService(deps)
    .grant(ctx, territory, { email: c.reviewer.email, displayName: c.reviewer.displayName, role: 'reviewer' }, password)
    .catch(() => null);
  const reviewer = await actorFor(deps, c.reviewer.email);
  const [stage] = (await s.stages.list(ctx, territory, call.id)).items;
  if (reviewer?.kind !== 'user' || !stage || !ids.length) return;
  await s.stages.setProfile(ctx, territory, reviewer.userId, c.reviewer.themes);
  await s.stages.update(ctx, territory, stage.id, { reviewsWanted: 1 });
  await s.stages.addPanelMember(ctx, territory, stage.id, { userId: reviewer.userId });
  await s.stages.advance(ctx, territory, stage.id, ids);
  await s.assignment.run(ctx, territory, stage.id);
  const reviewerCtx = { ...ctx, actor: reviewer };
  const [first] = (await s.review.queue(reviewerCtx, territory)).items;
  if (first) {
    await s.review.declare(reviewerCtx, territory, first.id, { conflict: false });
    await s.review.save(reviewerCtx, territory, first.id, {
      scores: { fit: 4 },
      comment: 'Projet cohérent avec l’appel.',
      recommendation: 'yes',
    });
    await s.review.submit(reviewerCtx, territory, first.id);
  }
  for (const [i, a] of c.applications.entries())
    if (a.decision && ids[i]) await s.decisions.decide(ctx, territory, ids[i], { decision: a.decision, reason: a.reason ?? '' });
  if (c.publishLaureates) {
    await s.calls.publishLaureates(ctx, territory, call.id);
    await s.calls.setStatus(ctx, territory, call.id, 'closed');
  }
}

/** Loads the demo calls once (a call already present by slug is left alone). */
export async function seedCalls(deps: Deps, ctx: Ctx, password: string): Promise<void> {
  for (const c of demoCalls) await seedOne(deps, ctx, c, password);
}
