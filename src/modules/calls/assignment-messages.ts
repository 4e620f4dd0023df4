/** Why an assignment is impossible, said in French and English with the names of those involved. */
import type { TInfeasibility } from './assignment/solver.ts';

export type TNames = { applications: string[]; reviewers: string[] };

export function infeasibilityMessage(r: TInfeasibility, n: TNames): { fr: string; en: string } {
  const app = (i: number) => n.applications[i] ?? `#${i}`;
  const rev = (i: number) => n.reviewers[i] ?? `#${i}`;
  switch (r.code) {
    case 'pinned_excluded':
      return {
        fr: `${rev(r.reviewer)} est imposé·e sur « ${app(r.application)} » mais en est exclu·e (conflit ou paire interdite).`,
        en: `${rev(r.reviewer)} is pinned to "${app(r.application)}" but excluded from it (conflict or forbidden pair).`,
      };
    case 'not_enough_reviewers':
      return {
        fr: `« ${app(r.application)} » demande ${r.wanted} évaluations mais seules ${r.eligible} personnes du jury peuvent l'évaluer.`,
        en: `"${app(r.application)}" needs ${r.wanted} reviews but only ${r.eligible} panel members may review it.`,
      };
    case 'capacity_too_low':
      return {
        fr: `Il faut ${r.wanted} évaluations, mais les charges maximales du jury n'en permettent que ${r.capacity}.`,
        en: `${r.wanted} reviews are needed, but the panel's maximum loads allow only ${r.capacity}.`,
      };
    case 'minimum_loads_too_high':
      return {
        fr: `Les charges minimales du jury (${r.minimum}) dépassent le nombre d'évaluations à faire (${r.wanted}).`,
        en: `The panel's minimum loads (${r.minimum}) exceed the number of reviews to do (${r.wanted}).`,
      };
    case 'pinned_over_capacity':
      return {
        fr: `${rev(r.reviewer)} a plus d'évaluations imposées ou commencées que sa charge maximale.`,
        en: `${rev(r.reviewer)} has more pinned or started reviews than their maximum load.`,
      };
    default:
      return {
        fr: 'Aucune répartition ne respecte à la fois les exclusions, les paires imposées et les charges.',
        en: 'No assignment satisfies the exclusions, pinned pairs and loads together.',
      };
  }
}
