import { describe, expect, it } from 'vitest';
import { isValidSiret, isValidVatNumber } from './identifiers';

describe('SIRET', () => {
  it.each([
    ['73282932000074', true], // Luhn-valid
    ['35600000000048', true], // La Poste head office, Luhn-valid
    ['35600000049837', true], // La Poste establishment: digit sum multiple of 5
    ['35600000049838', false],
    ['73282932000075', false],
    ['7328293200007', false],
    ['7328293200007a', false],
    ['00000000000000', false], // Luhn-valid, but no establishment
    ['00000000000018', false], // a zero SIREN
  ])('%s → %s', (siret, valid) => expect(isValidSiret(siret)).toBe(valid));
});

describe('VAT number', () => {
  it.each([
    ['FR40303265045', true],
    ['FR 40 303 265 045', true],
    ['FR41303265045', false], // wrong key
    ['DE123456789', true],
    ['DE12345678', false],
    ['BE0123456789', true],
    ['NL123456789B01', true],
    ['US123456789', false],
    ['', false],
  ])('%s → %s', (vat, valid) => expect(isValidVatNumber(vat)).toBe(valid));
});
