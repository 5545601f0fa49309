import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildAuthorizationUrl } from './buildAuthorizationUrl.js';

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure (fast-check prints the seed and path).
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const settings = { numRuns, ...seed };
const timeout = 120_000;

/** Plain checks: `expect` is too slow to call a million times. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const BASE = {
  clientId: 'client1',
  redirectUri: 'https://app.example.com/cb',
  scopes: ['trade'] as const,
  state: 'state-1',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};
// Attribution values usually come from the landing page's own URL: anyone can write them.
const untrusted = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('&scope=payment', '#frag', '%26state%3Dx', 'a=b&c', '\u0000', '\u202E'),
);

describe(`buildAuthorizationUrl properties (${numRuns} runs)`, () => {
  it(
    'sends untrusted attribution values back exactly and never lets them change another parameter',
    () => {
      fc.assert(
        fc.property(
          untrusted,
          untrusted,
          untrusted,
          untrusted,
          untrusted,
          fc.constantFrom('t', 'affiliateToken', 'sidi', 'ca'),
          (sidc, utmCampaign, utmMedium, utmSource, partner, alias) => {
            const url = new URL(
              buildAuthorizationUrl({
                ...BASE,
                sidc,
                utmCampaign,
                utmMedium,
                utmSource,
                [alias]: partner,
              }),
            );
            const query = url.searchParams;
            const sent: Record<string, string> = {
              sidc,
              utm_campaign: utmCampaign,
              utm_medium: utmMedium,
              utm_source: utmSource,
              [alias === 'affiliateToken' ? 'affiliate_token' : alias]: partner,
            };
            for (const [name, value] of Object.entries(sent)) {
              // URLSearchParams turns lone surrogates into U+FFFD: compare what a browser would send.
              const expected = new URLSearchParams({ x: value }).get('x');
              check(query.getAll(name).length === (value ? 1 : 0), `${name} count`);
              if (value) check(query.get(name) === expected, `${name} differs`);
            }
            check(url.hash === '', 'a fragment appeared');
            check(query.get('scope') === 'trade', 'scope changed');
            check(query.get('state') === 'state-1', 'state changed');
            check(query.getAll('code_challenge_method').join() === 'S256', 'method changed');
            check(query.getAll('response_type').join() === 'code', 'response_type changed');
          },
        ),
        settings,
      );
    },
    timeout,
  );
});
