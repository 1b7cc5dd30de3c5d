/**
 * Company identifiers: SIRET (France) or intra-EU VAT number when the company has no SIRET.
 */

const luhnValid = (digits: string): boolean => {
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
};

/** La Poste's establishments share SIREN 356000000 and are not Luhn-valid: the published
 * exception is that the sum of the SIRET's digits is a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

export const isValidSiret = (value: string): boolean => {
  if (!/^\d{14}$/.test(value)) return false;
  // all zeros passes the Luhn check but is no establishment (nor is a zero SIREN)
  if (/^0{9}/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    const sum = [...value].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
};

/** Format of each EU member state's VAT number (VIES), prefix included; XI = Northern Ireland. */
const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{12}$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
  XI: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** Canonical form: upper case, spaces, dots and dashes removed. */
export const normaliseVat = (value: string): string => value.toUpperCase().replace(/[\s.-]/g, '');

export const isValidVatNumber = (value: string): boolean => {
  const vat = normaliseVat(value);
  const format = VAT_FORMATS[vat.slice(0, 2)];
  if (!format?.test(vat)) return false;
  if (vat.startsWith('FR') && /^FR\d{11}$/.test(vat)) {
    // French key: (12 + 3 × (SIREN mod 97)) mod 97
    const key = Number(vat.slice(2, 4));
    const siren = Number(vat.slice(4));
    return key === (12 + 3 * (siren % 97)) % 97;
  }
  return true;
};
