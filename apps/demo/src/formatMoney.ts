/**
 * Formats a balance for display. Deriv currencies include crypto codes Intl does not know
 * (`USDT`, `eUSDT`), and accounts without a currency yet: both fall back to plain digits.
 *
 * @param amount - The balance, or `undefined` when the server sent none.
 * @param currency - Deriv's currency code, `''` when the account has none.
 * @returns The formatted amount, `'—'` when unknown.
 * @example
 * ```ts
 * formatMoney(10000, 'USD'); // '$10,000.00'
 * ```
 */
export function formatMoney(amount: number | undefined, currency: string): string {
  if (amount === undefined || !Number.isFinite(amount)) return '—';
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: 8,
      }).format(amount);
    } catch {
      // An unknown three-letter code: fall through.
    }
  }
  const digits = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 8,
  }).format(amount);
  return currency === '' ? digits : `${digits} ${currency}`;
}
