import type { Locale } from '../../platform/i18n/locale.ts';
import type { membershipStatuses, organizationKinds } from './directory.tables.ts';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Names of the kinds of organisation, for facets and exports. */
export const kindLabels: Labels<(typeof organizationKinds)[number]> = {
  startup: { fr: 'Start-up', en: 'Start-up' },
  sme: { fr: 'PME', en: 'SME' },
  large_company: { fr: 'Grande entreprise', en: 'Large company' },
  association: { fr: 'Association', en: 'Association' },
  public_body: { fr: 'Collectivité ou organisme public', en: 'Public body' },
  school: { fr: 'Établissement d’enseignement', en: 'School or university' },
  investor: { fr: 'Investisseur', en: 'Investor' },
  incubator: { fr: 'Incubateur ou accélérateur', en: 'Incubator or accelerator' },
  cluster: { fr: 'Cluster', en: 'Cluster' },
  fablab: { fr: 'FabLab', en: 'FabLab' },
  chamber_of_commerce: { fr: 'Chambre consulaire', en: 'Chamber of commerce' },
};

export const statusLabels: Labels<(typeof membershipStatuses)[number]> = {
  member: { fr: 'Membre', en: 'Member' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  prospect: { fr: 'Prospect', en: 'Prospect' },
  former: { fr: 'Ancien membre', en: 'Former member' },
};
