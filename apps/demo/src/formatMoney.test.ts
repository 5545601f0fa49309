import { describe, expect, it } from 'vitest';
import { formatMoney } from './formatMoney';

describe('formatMoney', () => {
  it.each([
    [10000, 'USD', '$10,000.00'],
    [0.5, 'USDT', '0.50 USDT'],
    [12, '', '12.00'],
    [undefined, 'USD', '—'],
  ])('formats %s %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
});
