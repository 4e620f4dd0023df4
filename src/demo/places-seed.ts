/** The demo places of the articles: FabLab Calais' public and industrial sites, La Fabrique in Béthune. */
import { createPlacesServices } from '../modules/places/index.ts';
import type { Ctx, Deps } from '../platform/context.ts';

type Resource = Parameters<ReturnType<typeof createPlacesServices>['places']['createResource']>[3];
type Place = Parameters<ReturnType<typeof createPlacesServices>['places']['create']>[2] & { resources: Resource[] };

const machineRules = { granularityMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 180, cancellationDeadlineMinutes: 60 };

const demoPlaces: Record<string, Place[]> = {
  calaisis: [
    {
      name: 'FabLab Calais — site public',
      street: 'Centre commercial Cité Europe',
      postalCode: '62231',
      city: 'Coquelles',
      communeInsee: '62239',
      descriptionFr:
        'Le site grand public du FabLab, dans la galerie marchande : chacun peut y imprimer en 3D, accompagné par un fabmanager.',
      descriptionEn: 'The FabLab’s public site in the shopping mall: anyone can 3D-print there, with a fab manager’s help.',
      accessibilityFr: 'Plain-pied, accessible en fauteuil roulant ; toilettes adaptées dans la galerie.',
      accessibilityEn: 'Step-free, wheelchair accessible; accessible toilets in the mall.',
      openingHours: 'Tu-Sa 10:00-19:00; PH off',
      resources: [
        {
          kind: 'machine',
          name: 'Imprimante 3D Prusa MK4',
          equipment: ['PLA', 'PETG'],
          access: ['public', 'resident', 'member', 'staff'],
          rules: machineRules,
          prices: { public: 300, resident: 0, member: 0 },
        },
        {
          kind: 'machine',
          name: 'Imprimante 3D résine',
          equipment: ['résine standard'],
          access: ['public', 'resident', 'member', 'staff'],
          rules: machineRules,
          prices: { public: 600, resident: 300, member: 300 },
        },
      ],
    },
    {
      name: 'FabLab Calais — centre d’essais industriel',
      city: 'Calais',
      communeInsee: '62193',
      descriptionFr:
        'Le centre d’essais réservé aux entreprises membres : prototypage, découpe et usinage, sur validation d’un responsable.',
      descriptionEn: 'The test centre for member companies: prototyping, cutting and machining, approved by a manager.',
      openingHours: 'Mo-Fr 08:30-17:30; PH off',
      resources: [
        {
          kind: 'machine',
          name: 'Découpeuse laser 100 W',
          access: ['member', 'staff'],
          rules: { ...machineRules, requiresApproval: true, bufferMinutes: 30 },
          prices: { member: 4500 },
        },
        {
          kind: 'machine',
          name: 'Fraiseuse numérique 5 axes',
          access: ['member', 'staff'],
          rules: { ...machineRules, maxDurationMinutes: 480, requiresApproval: true },
          prices: { member: 6000 },
        },
        { kind: 'room', name: 'Salle de prototypage', capacity: 1, access: ['member', 'staff'], rules: { maxDurationMinutes: 480 } },
      ],
    },
  ],
  'bethune-bruay': [
    {
      name: 'La Fabrique',
      city: 'Béthune',
      communeInsee: '62119',
      descriptionFr: 'Tiers-lieu de l’agglomération : coworking, salles de réunion, bureaux et FabLab, gratuits pour les habitants.',
      descriptionEn: 'The agglomeration’s third place: coworking, meeting rooms, offices and a FabLab, free for residents.',
      accessibilityFr: 'Ascenseur et places de stationnement réservées.',
      accessibilityEn: 'Lift and reserved parking spaces.',
      openingHours: 'Mo-Fr 08:30-18:30; Sa 09:00-12:30; PH off',
      resources: [
        {
          kind: 'desk',
          name: 'Espace de coworking',
          capacity: 24,
          equipment: ['wifi', 'écrans'],
          access: ['resident', 'member', 'staff'],
          rules: { maxDurationMinutes: 600, dailyQuotaMinutes: 600 },
        },
        {
          kind: 'room',
          name: 'Salle de réunion Pasteur (8 places)',
          equipment: ['écran', 'visioconférence'],
          access: ['resident', 'member', 'staff'],
          rules: { maxDurationMinutes: 240, bufferMinutes: 15 },
        },
        {
          kind: 'office',
          name: 'Bureau partagé n° 3',
          access: ['member', 'staff'],
          rules: { maxDurationMinutes: 600, requiresApproval: true },
        },
        { kind: 'machine', name: 'Imprimante 3D Ultimaker', access: ['resident', 'member', 'staff'], rules: machineRules },
        { kind: 'machine', name: 'Brodeuse numérique', access: ['resident', 'member', 'staff'], rules: machineRules },
      ],
    },
  ],
};

/** A machine of the demo that requires a qualification, and the training session that grants it. */
const demoTrainings: Record<string, { qualification: string; validityMonths: number; machine: string; seats: number; trainer: string }> = {
  calaisis: { qualification: 'Usinage CNC', validityMonths: 24, machine: 'Fraiseuse numérique 5 axes', seats: 6, trainer: 'Lucas Bernard' },
};

/** Creates the demo places of each territory that has none yet (so a second run changes nothing). */
export async function seedPlaces(deps: Deps, ctx: Ctx): Promise<void> {
  const { places, qualifications, trainings } = createPlacesServices(deps);
  for (const [slug, list] of Object.entries(demoPlaces)) {
    if ((await places.list(ctx, slug)).items.length) continue;
    const made = [];
    for (const { resources, ...place } of list) {
      const created = await places.create(ctx, slug, place);
      for (const r of resources) made.push({ place: created.id, resource: await places.createResource(ctx, slug, created.id, r) });
    }
    const training = demoTrainings[slug];
    const machine = made.find((m) => m.resource.name === training?.machine);
    if (!training || !machine) continue;
    const q = await qualifications.create(ctx, slug, { name: training.qualification, validityMonths: training.validityMonths });
    await places.updateResource(ctx, slug, machine.resource.id, { requiredQualificationId: q.id });
    // A week after the demo is loaded, 13:00–16:00 UTC (afternoon in Paris): there is always a session to come.
    const start = new Date(deps.clock.now().getTime() + 7 * 86_400_000);
    start.setUTCHours(13, 0, 0, 0);
    const end = new Date(start.getTime() + 3 * 3_600_000);
    await trainings.create(ctx, slug, {
      qualificationId: q.id,
      placeId: machine.place,
      start: start.toISOString(),
      end: end.toISOString(),
      seats: training.seats,
      trainer: training.trainer,
    });
  }
}
