/** The stages a new call starts with: screening → expert review → jury → decision, each with its rubric. */
import type { TRubric } from './forms.ts';

type TStageDefault = { nameFr: string; nameEn: string; rubric: TRubric; reviewsWanted: number; minLoad: number; maxLoad: number };
const criterion = (id: string, labelFr: string, labelEn: string, weight = 1) => ({ id, labelFr, labelEn, weight, min: 0, max: 5 });

export const defaultStages: TStageDefault[] = [
  {
    nameFr: 'Présélection',
    nameEn: 'Screening',
    rubric: { criteria: [criterion('fit', "Adéquation à l'appel", 'Fit with the call')] },
    reviewsWanted: 1,
    minLoad: 0,
    maxLoad: 30,
  },
  {
    nameFr: 'Expertise',
    nameEn: 'Expert review',
    rubric: {
      criteria: [
        criterion('innovation', 'Caractère innovant', 'Innovation', 2),
        criterion('team', 'Équipe', 'Team'),
        criterion('market', 'Marché', 'Market'),
        criterion('impact', 'Impact territorial', 'Local impact', 2),
      ],
    },
    reviewsWanted: 2,
    minLoad: 0,
    maxLoad: 10,
  },
  {
    nameFr: 'Jury',
    nameEn: 'Jury',
    rubric: { criteria: [criterion('overall', 'Appréciation générale', 'Overall assessment')] },
    reviewsWanted: 3,
    minLoad: 0,
    maxLoad: 20,
  },
  { nameFr: 'Décision', nameEn: 'Decision', rubric: { criteria: [] }, reviewsWanted: 0, minLoad: 0, maxLoad: 0 },
];
