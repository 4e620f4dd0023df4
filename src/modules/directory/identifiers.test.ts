import { describe, expect, it } from 'vitest';
import { compactIdentifier, isValidRna, isValidSiren, isValidSiret, luhnValid } from './identifiers.ts';

describe('SIREN', () => {
  it('accepts numbers with a Luhn check digit', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(isValidSiren('73282932A')).toBe(false);
  });

  it("accepts La Poste's SIREN", () => {
    expect(isValidSiren('356000000')).toBe(true);
  });
});

describe('SIRET', () => {
  it('accepts an establishment with a Luhn check digit and refuses a wrong one', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
  });

  it("accepts La Poste's establishments whose digit sum is a multiple of 5, though Luhn fails", () => {
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000012345')).toBe(false);
  });

  it("accepts La Poste's head office, which passes Luhn", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('does not extend the digit-sum rule to other companies', () => {
    // Digit sum 45 (a multiple of 5) but Luhn fails and the SIREN is not La Poste's.
    expect(luhnValid('12345678900005')).toBe(false);
    expect(isValidSiret('12345678900005')).toBe(false);
  });
});

describe('RNA', () => {
  it('accepts W followed by 9 digits, and the Corsican and overseas forms', () => {
    expect(isValidRna('W623001234')).toBe(true);
    expect(isValidRna('W2A1000123')).toBe(true);
    expect(isValidRna('W9M1000123')).toBe(true);
  });

  it('refuses other shapes', () => {
    expect(isValidRna('623001234')).toBe(false);
    expect(isValidRna('W62300123')).toBe(false);
    expect(isValidRna('w623001234')).toBe(false);
    expect(isValidRna('WA23001234')).toBe(false);
  });
});

describe('compactIdentifier', () => {
  it('removes the separators people type', () => {
    expect(compactIdentifier('732 829 320 00074')).toBe('73282932000074');
    expect(compactIdentifier('732.829.320')).toBe('732829320');
    expect(compactIdentifier('w623-001234')).toBe('W623001234');
  });
});
