/**
 * The Luhn (mod 10) check every payment card number passes. `digits` holds only 0-9.
 * All-zero strings fail: they pass the arithmetic but are never card numbers.
 */
export const luhnValid = (digits: string): boolean => {
  if (!/^\d+$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
};
