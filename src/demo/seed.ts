import { organizations } from '../modules/directory/index.ts';
import { createAccountsService, createMembersService } from '../modules/identity/index.ts';
import { createTerritoriesService } from '../modules/territories/index.ts';
import type { Deps } from '../platform/context.ts';
import { systemActor } from '../platform/policy/actor.ts';
import { seedCalls } from './calls-seed.ts';
import { seedDirectory } from './directory-seed.ts';
import { seedPlaces } from './places-seed.ts';
import { seedProgrammes } from './programmes-seed.ts';

/** The four ecosystems of the articles Totem is built for; people are fictional. */
export const demoTerritories = [
  {
    slug: 'calaisis',
    name: 'Cap Calaisis',
    epciSiren: '200090751',
    description:
      "Agglomération du Calaisis : Tektos business club et accélérateur, FabLab industriel et grand public, fonds communautaire d'appui à l'innovation.",
    themes: [
      ['numerique', 'Économie numérique', 'Digital economy'],
      ['fabrication-numerique', 'Fabrication numérique', 'Digital fabrication'],
      ['franco-britannique', 'Start-up franco-britanniques', 'Franco-British start-ups'],
      ['tres-haut-debit', 'Très haut débit', 'Very high-speed broadband'],
    ],
  },
  {
    slug: 'bethune-bruay',
    name: 'Béthune-Bruay',
    epciSiren: '200072460',
    description: 'La Fabrique et le Cluster du territoire intelligent : coworking, salles, FabLab et bureaux gratuits pour les habitants.',
    themes: [
      ['transition-energetique', 'Transition énergétique', 'Energy transition'],
      ['economie-circulaire', 'Économie circulaire', 'Circular economy'],
      ['industrie-du-futur', 'Industrie du futur', 'Industry of the future'],
      ['transformation-digitale', 'Transformation digitale', 'Digital transformation'],
      ['mobilite-intelligente', 'Mobilité intelligente', 'Smart mobility'],
      ['gestion-des-donnees', 'Gestion des données', 'Data management'],
    ],
  },
  {
    slug: 'lens-lievin',
    name: 'Lens-Liévin',
    epciSiren: '246200364',
    description: 'Louvre Lens Vallée, cluster du numérique culturel : appel à projets, Connec’TIC Days, CulturAthon.',
    themes: [
      ['e-tourisme', 'E-tourisme', 'E-tourism'],
      ['e-education', 'E-éducation', 'E-education'],
      ['mediation-culturelle', 'Médiation culturelle', 'Cultural mediation'],
      ['auto-edition', 'Auto-édition', 'Self-publishing'],
    ],
  },
  {
    slug: 'aix-marseille',
    name: 'French Tech Aix-Marseille',
    epciSiren: '200054807',
    description: 'Conseil territorial du numérique, feuille de route de douze engagements opérationnels, programme Stardust.',
    themes: [
      ['objets-connectes', 'Objets connectés', 'Connected objects'],
      ['sans-contact', 'Services sans contact', 'Contactless services'],
      ['international', 'Actions à l’international', 'International actions'],
      ['talents', 'Attraction des talents', 'Talent attraction'],
    ],
  },
] as const;

/** Demo accounts; the shared password is printed by `totem seed` and written in the README. */
export const demoPassword = 'totem-demo-2026';
export const demoAdminEmail = 'admin@demo.totem.localhost';
const demoPeople = [
  { email: 'camille.martin@demo.totem.localhost', displayName: 'Camille Martin', territory: 'calaisis', role: 'admin' },
  { email: 'lucas.bernard@demo.totem.localhost', displayName: 'Lucas Bernard', territory: 'calaisis', role: 'place_manager' },
  { email: 'ines.petit@demo.totem.localhost', displayName: 'Inès Petit', territory: 'bethune-bruay', role: 'admin' },
  { email: 'hugo.durand@demo.totem.localhost', displayName: 'Hugo Durand', territory: 'bethune-bruay', role: 'staff' },
  { email: 'lea.moreau@demo.totem.localhost', displayName: 'Léa Moreau', territory: 'lens-lievin', role: 'admin' },
  { email: 'nathan.roux@demo.totem.localhost', displayName: 'Nathan Roux', territory: 'lens-lievin', role: 'reviewer' },
  { email: 'chloe.fournier@demo.totem.localhost', displayName: 'Chloé Fournier', territory: 'aix-marseille', role: 'admin' },
  { email: 'louis.girard@demo.totem.localhost', displayName: 'Louis Girard', territory: 'aix-marseille', role: 'council_member' },
  { email: 'louis.girard@demo.totem.localhost', displayName: 'Louis Girard', territory: 'calaisis', role: 'member' },
] as const;

/** Loads the demo data through the services (so it is validated and audited); does nothing if present. */
export async function seedDemo(deps: Deps): Promise<{ created: boolean }> {
  const territories = createTerritoriesService(deps);
  const existing = new Set((await territories.list()).map((t) => t.slug));
  const ctx = { actor: systemActor, locale: 'fr' as const, requestId: 'seed' };
  if (demoTerritories.every((t) => existing.has(t.slug))) {
    // A data directory made before the directory module existed gets its demo organisations once.
    const [any] = await deps.database.transaction({ system: true }, (tx) =>
      tx.select({ id: organizations.id }).from(organizations).limit(1),
    );
    await seedPlaces(deps, ctx);
    if (!any) await seedDirectory(deps, ctx);
    await seedProgrammes(deps, ctx);
    await seedCalls(deps, ctx, demoPassword);
    return { created: !any };
  }
  for (const t of demoTerritories) {
    if (existing.has(t.slug)) continue;
    await territories.create(ctx, {
      slug: t.slug,
      name: t.name,
      description: t.description,
      epciSiren: t.epciSiren,
      timeZone: 'Europe/Paris',
    });
    for (const [slug, labelFr, labelEn] of t.themes) await territories.createTheme(ctx, t.slug, { slug, labelFr, labelEn });
  }
  if (!existing.size) {
    await createAccountsService(deps).createPlatformAdmin(ctx, {
      email: demoAdminEmail,
      displayName: 'Alex Lefebvre',
      password: demoPassword,
    });
  }
  const members = createMembersService(deps);
  for (const p of demoPeople) {
    if (existing.has(p.territory)) continue;
    await members.grant(ctx, p.territory, { email: p.email, displayName: p.displayName, role: p.role }, demoPassword);
  }
  await seedDirectory(deps, ctx);
  await seedPlaces(deps, ctx);
  await seedProgrammes(deps, ctx);
  await seedCalls(deps, ctx, demoPassword);
  return { created: true };
}
