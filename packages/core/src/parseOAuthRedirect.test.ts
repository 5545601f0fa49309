import { describe, expect, it } from 'vitest';
import { parseOAuthRedirect, safeParseOAuthRedirect } from './parseOAuthRedirect.js';

const SEED_URL =
  'https://example.com/redirect/?acct1=cr799393& token1=a1-f7pnteezo4jzhpxclctizt27hyeot&cur1=usd& acct2=vrtc1859315& token2=a1clwe3vfuuus5kraceykdsoqm4snfq& cur2=usd';
const SEED_ACCOUNTS = [
  { account: 'cr799393', token: 'a1-f7pnteezo4jzhpxclctizt27hyeot', currency: 'usd' },
  { account: 'vrtc1859315', token: 'a1clwe3vfuuus5kraceykdsoqm4snfq', currency: 'usd' },
];

describe('parseOAuthRedirect', () => {
  it.each([
    ['a string', SEED_URL],
    ['a URL', new URL(SEED_URL)],
    ['URLSearchParams', new URL(SEED_URL).searchParams],
  ])('returns exactly the seed array from the docs example given as %s', (_, input) => {
    expect(parseOAuthRedirect(input)).toStrictEqual({ accounts: SEED_ACCOUNTS });
  });

  it('returns a result instead of throwing in the safe form', () => {
    const result = safeParseOAuthRedirect('?state=x');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('no_accounts');
  });
});
