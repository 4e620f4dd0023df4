/** One item of a list in the accessibility statement; `href` makes it a link. */
export type StatementItem = { text: string; href?: string };
export type StatementSection = { heading: string; paragraphs: string[]; items?: StatementItem[] };

export type Statement = {
  title: string;
  established: (date: string) => string;
  intro: string;
  status: StatementSection;
  results: StatementSection;
  limits: StatementSection;
  method: StatementSection;
  contact: StatementSection;
  contactEmail: string;
  recourse: StatementSection;
};

/** The accessibility statement (RGAA 4.1), in French. */
export const statementFr: Statement = {
  title: 'Déclaration d’accessibilité',
  established: (date: string) => `Déclaration établie le ${date}.`,
  intro:
    'L’équipe qui développe Totem s’engage à rendre l’application accessible à toutes et à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à l’interface web de Totem (version 0.1).',
  status: {
    heading: 'État de conformité',
    paragraphs: [
      'Totem est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1, en raison des limites énumérées ci-dessous.',
      'Aucun audit complet des 106 critères du RGAA n’a encore été réalisé par un tiers : cet état de conformité repose sur une auto-évaluation, et le taux de conformité n’est donc pas encore mesuré.',
    ],
  },
  results: {
    heading: 'Résultats des tests',
    paragraphs: ['L’auto-évaluation combine plusieurs vérifications, refaites à chaque modification du code :'],
    items: [
      {
        text: 'des tests automatisés avec axe-core (règles WCAG 2.0 et 2.1, niveaux A et AA) sur chaque page des parcours principaux, en français et en anglais ;',
      },
      {
        text: 'des parcours réalisés au clavier seul (touches Tab, Entrée et flèches), y compris la connexion et le changement de territoire ;',
      },
      { text: 'une vérification de l’affichage sur un écran de 360 pixels de large.' },
    ],
  },
  limits: {
    heading: 'Limites connues',
    paragraphs: ['Les tests automatisés ne détectent qu’une partie des défauts. À ce jour :'],
    items: [
      {
        text: 'les parcours n’ont pas encore été testés de façon systématique avec des lecteurs d’écran (NVDA, JAWS, VoiceOver, TalkBack) ;',
      },
      { text: 'la documentation de l’API, produite par un outil tiers, n’a pas été évaluée ;' },
      { text: 'les textes saisis par les territoires (présentations, thématiques) relèvent de leurs auteurs.' },
    ],
  },
  method: {
    heading: 'Établissement de cette déclaration',
    paragraphs: ['Technologies utilisées : HTML5, CSS, JavaScript (React), WAI-ARIA.'],
    items: [
      { text: 'Environnement de test : navigateur Chromium, au clavier, en largeur d’écran de bureau et de mobile.' },
      { text: 'Outils : axe-core, inspection du code et de l’arbre d’accessibilité du navigateur.' },
      {
        text: 'Pages vérifiées : accueil et liste des territoires, page d’un territoire, connexion, connexion par lien, mot de passe oublié, nouveau mot de passe, membres, journal d’audit, présente déclaration.',
      },
    ],
  },
  contact: {
    heading: 'Retour d’information et contact',
    paragraphs: [
      'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe qui exploite ce service : elle vous orientera vers une alternative accessible ou vous fournira le contenu sous une autre forme.',
    ],
  },
  contactEmail: 'Courriel :',
  recourse: {
    heading: 'Voies de recours',
    paragraphs: [
      'Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :',
    ],
    items: [
      { text: 'écrire un message au Défenseur des droits (formulaire en ligne)', href: 'https://formulaire.defenseurdesdroits.fr/' },
      { text: 'contacter le délégué du Défenseur des droits dans votre région', href: 'https://www.defenseurdesdroits.fr/saisir/delegues' },
      {
        text: 'envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
      },
    ],
  },
};
