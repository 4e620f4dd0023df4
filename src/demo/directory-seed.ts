import { createDirectoryServices, type DirectoryServices, type TPublicField, type TRelationshipKind } from '../modules/directory/index.ts';
import type { Ctx, Deps } from '../platform/context.ts';
import { isAppError } from '../platform/errors/app-error.ts';

/**
 * The directories of the four demo ecosystems: the organisations the articles name, the
 * relationships they describe, and a few fictional people. Organisations go through the CSV import
 * (matched on their external ids, so a second run changes nothing), the rest through the services:
 * everything is validated and audited.
 */
export type DemoDirectory = {
  /** A CSV file as staff would import it. */
  organizations: string;
  /** One relationship per line: `source kind target [start date]`, by external id without `demo:`. */
  relationships: string;
  /** One fictional person per line: `id;first name;last name;organisation;title;skills;public|private`. */
  people: string;
  /**
   * One dated figure per line: `organisation metric value date`; headcounts in people, funds raised
   * (cumulative) in whole euros, revenue as a band. The organisations' own declarations, plausible
   * orders of magnitude for small structures of the territory.
   */
  figures: string;
};

const header = 'identifiant_externe;nom;type;code_insee;thematiques;statut;public;siren;description';

const calaisis: DemoDirectory = {
  organizations: `${header}
demo:tektos-club;Tektos business club;association;62193;numerique|fabrication-numerique;membre;oui;;Structure d’animation du territoire autour du numérique : accompagne, anime et finance l’accélérateur Tektos, porte le projet de FabLab.
demo:tektos;Tektos;incubateur;62193;numerique|franco-britannique;membre;oui;;Accélérateur de start-up accueilli depuis juin 2013 dans la pépinière de l’agglomération, tourné vers les start-up franco-britanniques.
demo:fablab-industriel;FabLab Calais — site industriel;fablab;62193;fabrication-numerique;membre;oui;;Centre d’essais réservé aux entreprises adhérentes en coworking.
demo:fablab-coeur-de-vie;FabLab Calais — Cœur de vie;fablab;62193;fabrication-numerique;membre;oui;;Site grand public au centre commercial Cœur de vie : impression 3D pour tous.
demo:cci-cote-opale;CCI Côte d’Opale;cci;62193;numerique;partenaire;oui;;Chambre de commerce et d’industrie, partenaire de l’accélérateur Tektos.
demo:ulco;Université du Littoral Côte d’Opale (ULCO);universite;59183;numerique;partenaire;oui;;Université présente à Calais, soutien du projet de FabLab.
demo:vivendi;Vivendi;grande entreprise;75056;numerique;partenaire;oui;;Groupe de médias, membre fondateur du Tektos business club.
demo:sncf-developpement;SNCF Développement;grande entreprise;93066;;partenaire;oui;;Filiale de développement économique de la SNCF, soutien du Tektos business club.
demo:eil-cote-opale;EIL Côte d’Opale;ecole;62193;numerique;partenaire;oui;;École d’ingénieurs du Littoral Côte d’Opale.
demo:cap-calaisis;Cap Calaisis — communauté d’agglomération;collectivite;62193;numerique|tres-haut-debit;partenaire;oui;;Fibre optique, fonds communautaire d’appui à l’innovation, pépinière d’entreprises.`,
  relationships: `tektos-club accompanies tektos
tektos-club funds tektos
cap-calaisis hosts tektos 2013-06-01
cap-calaisis funds tektos 2013-06-01
cci-cote-opale partners_with tektos
tektos-club accompanies fablab-industriel
tektos-club accompanies fablab-coeur-de-vie
fablab-coeur-de-vie partners_with fablab-industriel
vivendi member_of tektos-club
eil-cote-opale member_of tektos-club
cci-cote-opale member_of tektos-club
sncf-developpement member_of tektos-club
ulco partners_with tektos-club
cap-calaisis partners_with tektos-club`,
  people: `margaux-lemaire;Margaux;Lemaire;tektos-club;Chargée de mission;animation de réseau|levée de fonds;public
thomas-dufour;Thomas;Dufour;fablab-industriel;Fabmanager;impression 3D|usinage;private`,
  figures: `tektos-club headcount 2 2024-12-31
tektos-club headcount 3 2025-12-31
tektos-club funds_raised 150000 2025-09-30
tektos headcount 4 2025-06-30
fablab-industriel headcount 3 2025-12-31
fablab-coeur-de-vie headcount 1 2025-12-31`,
};

const bethune: DemoDirectory = {
  organizations: `${header}
demo:la-fabrique;La Fabrique;fablab;62119;transformation-digitale;partenaire;oui;;Lieu de vie entrepreneuriale dans l’ancienne CCI : coworking, salles de réunion, FabLab et bureaux gratuits pour les Béthunois.
demo:cluster-ti;Cluster du territoire intelligent;cluster;62119;transition-energetique|economie-circulaire|industrie-du-futur|transformation-digitale|mobilite-intelligente|gestion-des-donnees;membre;oui;;Appel à projets continu sur six thématiques, au plus 20 entreprises accompagnées.
demo:aditec;Aditec;association;;industrie-du-futur;partenaire;oui;;Association d’accompagnement des PME du Pas-de-Calais.
demo:bybe;Bybe;start-up;62119;transformation-digitale;membre;oui;;Plateforme qui met en relation piscines et maîtres-nageurs disponibles.
demo:atlas;Atlas;start-up;62119;mobilite-intelligente|economie-circulaire;membre;oui;;Mobylette électrique éco-conçue, fabriquée avec de l’emploi local et social.
demo:ville-bethune;Ville de Béthune;collectivite;62119;transformation-digitale;partenaire;oui;;Commune à l’initiative de La Fabrique et du cluster.
demo:ca-bethune-bruay;Communauté d’agglomération de Béthune-Bruay;collectivite;62119;transformation-digitale;partenaire;oui;200072460;Agglomération partenaire du cluster, dont le site reçoit les candidatures.`,
  relationships: `la-fabrique hosts cluster-ti
ville-bethune funds la-fabrique
ville-bethune partners_with cluster-ti
ca-bethune-bruay partners_with cluster-ti
aditec partners_with cluster-ti
cluster-ti accompanies bybe
cluster-ti accompanies atlas`,
  people: `sarah-benali;Sarah;Benali;cluster-ti;Chargée d’accompagnement;smart city|gestion de projet;public
quentin-delattre;Quentin;Delattre;bybe;Développeur;TypeScript|applications mobiles;private`,
  figures: `bybe headcount 3 2024-06-30
bybe headcount 7 2025-12-31
bybe funds_raised 120000 2024-03-15
bybe funds_raised 450000 2025-10-01
atlas headcount 5 2024-12-31
atlas headcount 12 2026-01-31
atlas funds_raised 800000 2025-05-20
atlas revenue_band 100k_500k 2025-12-31
la-fabrique headcount 4 2025-12-31
cluster-ti headcount 3 2025-12-31`,
};

const lens: DemoDirectory = {
  organizations: `${header}
demo:llv;Louvre Lens Vallée;cluster;62498;e-tourisme|e-education|mediation-culturelle|auto-edition;membre;oui;;Cluster du numérique culturel : appel à projets, Connec’TIC Days, CulturAthon, futurs incubateur, hôtel d’entreprises et FabLab.
demo:urbik;Urbik;start-up;;e-tourisme;membre;oui;;Lauréate de l’appel à projets, bornes connectées touristiques.
demo:book-d-oreille;Book d’Oreille Studio;start-up;;auto-edition;membre;oui;;Production et distribution d’enregistrements adaptés au livre audio.
demo:audace;Audace;pme;62498;e-education;membre;oui;;Agence lensoise, jeux pédagogiques.
demo:bayard;Bayard;grande entreprise;92049;e-education;partenaire;oui;;Groupe de presse et d’édition.
demo:canope;Réseau Canopé;collectivite;86062;e-education;partenaire;oui;;Réseau de création et d’accompagnement pédagogiques de l’Éducation nationale.
demo:euratechnologies;Euratechnologies;incubateur;59350;;partenaire;oui;;Pôle d’excellence lillois du numérique.
demo:pictanovo;Pictanovo;association;59599;mediation-culturelle;partenaire;oui;;Pôle régional de la production audiovisuelle.
demo:univ-artois;Université d’Artois;universite;62041;e-education;partenaire;oui;;Porte le projet de FabLab du bâtiment du cluster (contrat de plan État-région).
demo:call;Communauté d’agglomération de Lens-Liévin (CALL);collectivite;62498;;partenaire;oui;246200364;Finance le bâtiment du cluster avec des fonds FEDER.`,
  relationships: `llv accompanies urbik
llv accompanies book-d-oreille
book-d-oreille partners_with bayard
book-d-oreille partners_with audace
canope partners_with llv
euratechnologies accompanies llv 2010-01-01
call funds llv
univ-artois partners_with llv`,
  people: `manon-leclercq;Manon;Leclercq;llv;Chargée de projets;médiation culturelle|événementiel;public
karim-haddad;Karim;Haddad;book-d-oreille;Ingénieur du son;prise de son|narration;private`,
  figures: `urbik headcount 6 2024-12-31
urbik headcount 9 2025-12-31
urbik funds_raised 300000 2024-09-30
urbik funds_raised 1200000 2025-11-15
book-d-oreille headcount 4 2025-12-31
book-d-oreille funds_raised 90000 2025-03-31
audace headcount 16 2024-12-31
audace headcount 18 2025-12-31
audace revenue_band 1m_2m 2025-12-31
llv headcount 8 2025-12-31`,
};

const aix: DemoDirectory = {
  organizations: `${header}
demo:medinsoft;Medinsoft;association;13055;international|talents;membre;oui;;Association chargée de faire avancer les douze engagements opérationnels de la feuille de route.
demo:p-factory;P.Factory;incubateur;;objets-connectes;membre;oui;;Accélérateur de start-up opérationnel depuis septembre 2014.
demo:netangels;Netangels;investisseur;;talents;membre;oui;;Réseau d’investisseurs qui lance un startup studio.
demo:nfc-factory;Gemalto NFC Factory;incubateur;;sans-contact;membre;oui;;Accélérateur de Gemalto spécialisé dans les services sans contact.
demo:telfrance;TelFrance;grande entreprise;;;membre;oui;;Groupe audiovisuel, création d’un studio de motion capture.
demo:centrale-fablab;Centrale Marseille FabLab;fablab;13055;objets-connectes;membre;oui;;FabLab de l’École centrale de Marseille, dont l’équipement est renforcé.
demo:carrefour-innovation;Carrefour de l’innovation;incubateur;;objets-connectes;membre;oui;;Espace d’expérimentation numérique : coworking, showroom, pépinière et FabLab.
demo:ville-marseille;Ville de Marseille;collectivite;13055;;partenaire;oui;;Membre du conseil territorial du numérique.
demo:ville-aix;Ville d’Aix-en-Provence;collectivite;13001;;partenaire;oui;;Membre du conseil territorial du numérique, totems numériques dans la ville.`,
  relationships: `medinsoft accompanies carrefour-innovation
medinsoft accompanies centrale-fablab
ville-marseille partners_with medinsoft
ville-aix partners_with medinsoft`,
  people: `elodie-fabre;Élodie;Fabre;medinsoft;Chargée de mission feuille de route;pilotage de projets|fonds européens;public
julien-marchetti;Julien;Marchetti;centrale-fablab;Responsable technique;électronique|objets connectés;private`,
  figures: `medinsoft headcount 6 2025-12-31
p-factory headcount 5 2025-12-31
netangels headcount 3 2025-06-30
netangels funds_raised 2500000 2025-06-30
carrefour-innovation headcount 7 2025-12-31
centrale-fablab headcount 2 2025-12-31`,
};

export const demoDirectories: Record<string, DemoDirectory> = {
  calaisis,
  'bethune-bruay': bethune,
  'lens-lievin': lens,
  'aix-marseille': aix,
};

/** What the demo organisations show publicly once created. */
const publicFields: TPublicField[] = ['commune', 'website', 'description', 'logoUrl', 'sector', 'themes', 'metrics', 'relationships'];
/** Where the demo figures come from, as staff would note it. */
const figureSource = 'Déclaration de la structure';
type MetricInput = Parameters<DirectoryServices['metrics']['add']>[3];
const lines = (text: string) => text.split('\n').filter((l) => l.trim());

/** Runs a write, ignoring the conflict that says it was done by an earlier run. */
async function once(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!(isAppError(err) && (err.code === 'conflict' || err.code === 'person_exists'))) throw err;
  }
}

async function seedOrganizations(services: DirectoryServices, ctx: Ctx, slug: string, data: DemoDirectory) {
  const report = await services.imports.commit(ctx, slug, { content: data.organizations, encoding: 'text' });
  const ids = new Map<string, string>();
  lines(data.organizations)
    .slice(1)
    .forEach((line, i) => {
      const row = report.rows[i];
      if (row?.organizationId) ids.set(line.split(';')[0]?.replace('demo:', '') ?? '', row.organizationId);
    });
  for (const row of report.rows) {
    if (row.action === 'create' && row.organizationId) await services.organizations.update(ctx, slug, row.organizationId, { publicFields });
  }
  return (key: string) => ids.get(key) ?? '';
}

/**
 * Dated figures, through the metrics service. Figures carry no natural key, so an organisation that
 * already has some (an earlier run) is left alone rather than given duplicates.
 */
async function seedFigures(services: DirectoryServices, ctx: Ctx, slug: string, idOf: (key: string) => string, figures: string) {
  const done = new Map<string, boolean>();
  for (const line of lines(figures)) {
    const [org = '', metric = '', value = '', asOf = ''] = line.split(' ');
    const organizationId = idOf(org);
    if (!done.has(organizationId)) {
      const history = await services.metrics.history(ctx, slug, organizationId, { page: 1, pageSize: 1 });
      done.set(organizationId, history.total > 0);
    }
    if (done.get(organizationId)) continue;
    const amount =
      metric === 'revenue_band'
        ? { band: value as MetricInput['band'] }
        : { value: metric === 'funds_raised' ? Number(value) * 100 : Number(value) };
    await services.metrics.add(ctx, slug, organizationId, {
      metric: metric as MetricInput['metric'],
      ...amount,
      asOf,
      source: figureSource,
    });
  }
}

async function seedTerritory(services: DirectoryServices, ctx: Ctx, slug: string, data: DemoDirectory): Promise<void> {
  const idOf = await seedOrganizations(services, ctx, slug, data);
  for (const line of lines(data.relationships)) {
    const [source = '', kind, target = '', startedOn] = line.split(' ');
    const input = { sourceId: idOf(source), targetId: idOf(target), kind: kind as TRelationshipKind, startedOn: startedOn ?? null };
    await once(() => services.relationships.create(ctx, slug, input));
  }
  for (const line of lines(data.people)) {
    const [id, firstName = '', lastName = '', org = '', title, skills = '', visibility] = line.split(';');
    const email = `${firstName}.${lastName}@demo.totem.localhost`
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
    await once(async () => {
      const person = await services.people.create(ctx, slug, {
        firstName,
        lastName,
        email,
        skills: skills.split('|'),
        languages: ['fr', 'en'],
        offers: ['expertise'],
        legalBasis: 'legitimate_interest',
        purpose: 'Animation de l’écosystème (personne fictive des données de démonstration)',
        consentPublicProfile: visibility === 'public',
        publicProfile: visibility === 'public',
        externalId: `demo:${id}`,
      });
      await services.affiliations.add(ctx, slug, person.id, { organizationId: idOf(org), title: title ?? null });
    });
  }
  await seedFigures(services, ctx, slug, idOf, data.figures);
}

/** Seeds the directory of each demo territory; a second run changes nothing. */
export async function seedDirectory(deps: Pick<Deps, 'database' | 'clock'>, ctx: Ctx): Promise<void> {
  const services = createDirectoryServices(deps);
  for (const [slug, data] of Object.entries(demoDirectories)) await seedTerritory(services, ctx, slug, data);
}
