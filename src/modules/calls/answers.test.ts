import { describe, expect, it } from 'vitest';
import { changedQuestions, checkAnswers, visibleQuestions } from './answers.ts';
import { ZFormDefinition } from './forms.ts';

const form = ZFormDefinition.parse({
  sections: [
    {
      id: 'main',
      titleFr: 'Principal',
      titleEn: 'Main',
      questions: [
        {
          id: 'kind',
          type: 'multiple_choice',
          labelFr: 'Nature',
          labelEn: 'Kind',
          required: true,
          options: [
            { value: 'hardware', labelFr: 'Matériel', labelEn: 'Hardware' },
            { value: 'software', labelFr: 'Logiciel', labelEn: 'Software' },
          ],
        },
        {
          id: 'prototype',
          type: 'date',
          labelFr: 'Prototype',
          labelEn: 'Prototype',
          required: true,
          showWhen: { questionId: 'kind', operator: 'includes', value: 'hardware' },
        },
        {
          id: 'units',
          type: 'number',
          labelFr: 'Unités',
          labelEn: 'Units',
          required: false,
          min: 1,
          max: 10,
          showWhen: { questionId: 'prototype', operator: 'equals', value: '2026-01-01' },
        },
        { id: 'deck', type: 'file', labelFr: 'Dossier', labelEn: 'Deck', allowedTypes: ['application/pdf'], maxSizeBytes: 1000 },
        { id: 'themes', type: 'theme_choice', labelFr: 'Thèmes', labelEn: 'Themes', maxChoices: 2 },
      ],
    },
  ],
});
const themes = ['a', 'b', 'c'];

describe('form definitions', () => {
  it('refuses duplicate ids and conditions on later or unknown questions', () => {
    const q = { id: 'x', type: 'short_text', labelFr: 'X', labelEn: 'X' };
    const section = (questions: object[]) => ({ sections: [{ id: 's', titleFr: 'S', titleEn: 'S', questions }] });
    expect(ZFormDefinition.safeParse(section([q, q])).success).toBe(false);
    const later = { ...q, id: 'y', showWhen: { questionId: 'z', operator: 'equals', value: 'v' } };
    expect(ZFormDefinition.safeParse(section([later, { ...q, id: 'z' }])).success).toBe(false);
    expect(ZFormDefinition.safeParse(section([{ ...q, id: 'Bad id' }])).success).toBe(false);
    expect(
      ZFormDefinition.safeParse(section([q, { ...q, id: 'y', showWhen: { questionId: 'x', operator: 'equals', value: 'v' } }])).success,
    ).toBe(true);
  });
});

describe('answers', () => {
  it('follows conditions through chains: a question hidden by a hidden question is hidden', () => {
    expect([...visibleQuestions(form, { kind: ['software'], prototype: '2026-01-01' })]).toEqual(['kind', 'deck', 'themes']);
    expect([...visibleQuestions(form, { kind: ['hardware'], prototype: '2026-01-01' })]).toContain('units');
  });

  it('lets a draft be incomplete but requires visible required questions on submission', () => {
    expect(checkAnswers(form, {}, { themes, submit: false }).errors).toEqual([]);
    const submitted = checkAnswers(form, { kind: ['hardware'] }, { themes, submit: true });
    expect(submitted.errors.map((e) => [e.path, e.code])).toEqual([['answers.prototype', 'required']]);
    expect(checkAnswers(form, { kind: ['software'] }, { themes, submit: true }).errors).toEqual([]);
  });

  it('checks types and limits, with messages in French and English', () => {
    const r = checkAnswers(
      form,
      { kind: ['hardware', 'hardware'], prototype: '2026-02-30', themes: ['a', 'b', 'c'], deck: 'not-an-id' },
      { themes, submit: false },
    );
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['answers.kind', 'choice'],
      ['answers.prototype', 'type'],
      ['answers.deck', 'type'],
      ['answers.themes', 'max_choices'],
    ]);
    const units = checkAnswers(form, { kind: ['hardware'], prototype: '2026-01-01', units: 11 }, { themes, submit: false });
    expect(units.errors[0]).toMatchObject({ path: 'answers.units', code: 'max', fr: 'Au plus 10.', en: 'At most 10.' });
    expect(checkAnswers(form, { themes: ['zz'] }, { themes, submit: false }).errors[0]?.code).toBe('choice');
  });

  it('drops the answers of hidden questions and lists what changed between revisions', () => {
    const r = checkAnswers(form, { kind: ['software'], prototype: '2026-01-01' }, { themes, submit: true });
    expect(r.answers).toEqual({ kind: ['software'] });
    expect(changedQuestions({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [2, 1], d: 'y' })).toEqual(['b', 'c', 'd']);
  });
});
