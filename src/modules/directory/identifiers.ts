/**
 * French identifiers of organisations: SIREN (9 digits) and SIRET (14 digits) carry a Luhn check
 * digit, except La Poste's establishments; RNA numbers identify associations.
 */

/** La Poste's SIREN: its establishments' SIRETs are checked by digit sum, not by Luhn. */
export const laPosteSiren = '356000000';

const digitsOnly = (value: string, length: number) => value.length === length && /^\d+$/.test(value);

/** The Luhn checksum over a string of digits: every second digit from the right is doubled. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const digitSum = (digits: string) => [...digits].reduce((s, c) => s + Number(c), 0);

/** A valid SIREN: 9 digits with a Luhn check digit (La Poste's 356000000 passes it too). */
export function isValidSiren(value: string): boolean {
  return digitsOnly(value, 9) && luhnValid(value);
}

/**
 * A valid SIRET: 14 digits with a Luhn check digit. La Poste numbers its thousands of
 * establishments so that the sum of the digits is a multiple of 5 instead; its head office
 * (35600000000048) passes Luhn, so either rule is accepted under its SIREN.
 */
export function isValidSiret(value: string): boolean {
  if (!digitsOnly(value, 14)) return false;
  if (value.startsWith(laPosteSiren)) return digitSum(value) % 5 === 0 || luhnValid(value);
  return luhnValid(value);
}

/**
 * A valid RNA number (répertoire national des associations): `W` and 9 characters, digits except
 * the second, which is a letter for Corsica and overseas prefectures (W2A…, W9M…).
 */
export function isValidRna(value: string): boolean {
  return /^W\d[\dA-Z]\d{7}$/.test(value);
}

/** Removes the spaces, dots and dashes people type inside SIREN and SIRET numbers. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '').toUpperCase();
}
