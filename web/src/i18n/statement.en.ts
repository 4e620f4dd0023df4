import type { Statement } from './statement.fr.ts';

/** The accessibility statement (RGAA 4.1), in English. */
export const statementEn: Statement = {
  title: 'Accessibility statement',
  established: (date: string) => `Statement established on ${date}.`,
  intro:
    'The team that develops Totem is committed to making the application accessible to everyone, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the Totem web interface (version 0.1).',
  status: {
    heading: 'Compliance status',
    paragraphs: [
      'Totem is partially compliant with the French accessibility framework RGAA (référentiel général d’amélioration de l’accessibilité), version 4.1, because of the limitations listed below.',
      'No full audit of the 106 RGAA criteria has been carried out by a third party yet: this status is a self-assessment, so the compliance rate has not been measured yet.',
    ],
  },
  results: {
    heading: 'Test results',
    paragraphs: ['The self-assessment combines several checks, repeated at every change of the code:'],
    items: [
      {
        text: 'automated tests with axe-core (WCAG 2.0 and 2.1 rules, levels A and AA) on every page of the main journeys, in French and in English;',
      },
      { text: 'journeys carried out with the keyboard only (Tab, Enter and arrow keys), including signing in and switching territory;' },
      { text: 'a check of the layout on a screen 360 pixels wide.' },
    ],
  },
  limits: {
    heading: 'Known limitations',
    paragraphs: ['Automated tests only detect some of the defects. To date:'],
    items: [
      { text: 'the journeys have not yet been tested systematically with screen readers (NVDA, JAWS, VoiceOver, TalkBack);' },
      { text: 'the API documentation, produced by a third-party tool, has not been assessed;' },
      { text: 'texts written by the territories (presentations, themes) are their authors’ responsibility.' },
    ],
  },
  method: {
    heading: 'How this statement was established',
    paragraphs: ['Technologies used: HTML5, CSS, JavaScript (React), WAI-ARIA.'],
    items: [
      { text: 'Test environment: Chromium browser, with the keyboard, at desktop and mobile screen widths.' },
      { text: 'Tools: axe-core, inspection of the code and of the browser’s accessibility tree.' },
      {
        text: 'Pages checked: home and list of territories, territory page, sign-in, sign-in by link, forgotten password, new password, members, audit log, this statement.',
      },
    ],
  },
  contact: {
    heading: 'Feedback and contact',
    paragraphs: [
      'If you cannot access a content or a service, contact the team that runs this service: they will point you to an accessible alternative or provide the content in another form.',
    ],
  },
  contactEmail: 'E-mail:',
  recourse: {
    heading: 'Recourse',
    paragraphs: [
      'If you reported an accessibility defect that prevents you from accessing a content or a service and did not get a satisfactory answer, you can refer the matter to the Défenseur des droits (the French Defender of Rights):',
    ],
    items: [
      { text: 'write to the Défenseur des droits (online form, in French)', href: 'https://formulaire.defenseurdesdroits.fr/' },
      {
        text: 'contact the Défenseur des droits delegate in your region (in French)',
        href: 'https://www.defenseurdesdroits.fr/saisir/delegues',
      },
      {
        text: 'send a letter by post (free of charge, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.',
      },
    ],
  },
};
