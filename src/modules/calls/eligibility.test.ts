import { describe, expect, it } from 'vitest';
import { screen, type TScreeningInput } from './eligibility.ts';
import { ZEligibility, ZFormDefinition } from './forms.ts';

const form = ZFormDefinition.parse({
  sections: [
    {
      id: 's',
      titleFr: 'S',
      titleEn: 'S',
      questions: [
        {
          id: 'jobs',
          type: 'number',
          labelFr: 'Emplois',
          labelEn: 'Jobs',
          eligibility: { rule: { kind: 'range', min: 1, max: 250 }, reasonFr: 'PME uniquement.', reasonEn: 'SMEs only.' },
        },
      ],
    },
  ],
});

const input = (over: Partial<TScreeningInput> = {}, candidate: Partial<TScreeningInput['candidate']> = {}): TScreeningInput => ({
  eligibility: ZEligibility.parse({ organizationKinds: ['startup'], inTerritory: true, maxCompanyAgeYears: 5, minMatchingThemes: 1 }),
  callThemes: ['mobilite', 'energie'],
  territoryCommunes: new Set(['62119']),
  year: 2026,
  candidate: { kind: 'startup', communeInsee: '62119', foundingYear: 2021, themes: ['energie'], ...candidate },
  form,
  answers: { jobs: 12 },
  ...over,
});
const codes = (i: TScreeningInput) => screen(i).map((r) => r.code);

describe('screening', () => {
  it('accepts an application meeting every rule, at the age limit', () => {
    expect(codes(input())).toEqual([]);
  });

  it('names every failed rule', () => {
    expect(codes(input({}, { kind: 'sme' }))).toEqual(['organization_kind']);
    expect(codes(input({}, { communeInsee: '62193' }))).toEqual(['location']);
    expect(codes(input({}, { communeInsee: null }))).toEqual(['location']);
    expect(codes(input({}, { foundingYear: 2020 }))).toEqual(['company_age']);
    expect(codes(input({}, { foundingYear: null }))).toEqual(['company_age']);
    expect(codes(input({}, { themes: ['sante'] }))).toEqual(['themes']);
    expect(codes(input({ answers: { jobs: 300 } }))).toEqual(['question:jobs']);
    expect(codes(input({ answers: {} }))).toEqual(['question:jobs']);
  });

  it('gives each reason in French and English', () => {
    const [reason] = screen(input({ answers: { jobs: 0 } }));
    expect(reason).toEqual({ code: 'question:jobs', fr: 'PME uniquement.', en: 'SMEs only.' });
  });

  it('requires nothing the call does not ask for', () => {
    const open = ZEligibility.parse({});
    expect(
      codes(
        input({ eligibility: open, form: { sections: [] } }, { kind: 'association', communeInsee: null, foundingYear: null, themes: [] }),
      ),
    ).toEqual([]);
  });
});
