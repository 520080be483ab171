/**
 * Decimal-exact helpers for binary floating point: shifting by powers of ten through the decimal
 * text, so that 85.5 ÷ 100 gives the double nearest to 0.855 (not 0.8549999…).
 */

/** `value` ÷ 100, computed on the decimal text (85.5 → 0.855; 33.3 → 0.333). */
export function divideBy100(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}

/**
 * Rounds half away from zero to `decimals` places (0–10) on the decimal value: 0.855 × 100 rounds to
 * 85.5, 1.005 to 2 places → 1.01. Float noise beyond 15 significant digits is ignored first.
 */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // From 2^52 on every double is a whole number: nothing to round (shifting it would overflow the text path).
  if (Math.abs(value) >= 2 ** 52) return value;
  // An integer (the common case: counts and points) whose shifted value stays an exact double is
  // its own rounding on the path below too; -0 gives 0 there as here.
  if (Number.isInteger(value) && Math.abs(value) < 1e15 && Math.abs(value) * 10 ** decimals < 2 ** 53) return value === 0 ? 0 : value;
  const clean = Number(value.toPrecision(15));
  if (String(clean).includes('e')) {
    const factor = 10 ** decimals;
    const r = Math.round(Math.abs(clean) * factor) / factor;
    return clean < 0 && r !== 0 ? -r : r;
  }
  const shifted = Number(`${Math.abs(clean)}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  const result = clean < 0 ? -rounded : rounded;
  return result === 0 ? 0 : result;
}
