import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasOAuthCallback, stripOAuthCallback } from './oAuthCallback.js';
import { parseOAuthRedirect } from './parseOAuthRedirect.js';
import { skipStateCheck } from './skipStateCheck.js';

const TOKEN = 'a1-CANARYcanaryCANARY0123';
const APP = 'https://app.example.com';

describe('hasOAuthCallback', () => {
  it.each([
    `${APP}/cb?acct1=CR1&token1=${TOKEN}&cur1=USD`,
    `${APP}/#/callback?acct1=CR1&token1=${TOKEN}`,
    `${APP}/#acct1=CR1&token1=${TOKEN}`,
    `${APP}/cb?acct1=CR1&token1=${TOKEN}#/route`,
    `${APP}/cb?x=1&tok%65n1=${TOKEN}`,
    `${APP}/cb?x=1&%20token1=${TOKEN}`,
    `${APP}/cb?x=1&+token1=${TOKEN}`,
    `${APP}/cb?error=access_denied&error_description=denied&state=abc`,
    `${APP}/#/cb?state=abc&error=access_denied`,
    `${APP}/cb?token1=%ZZ`,
    `${APP}/cb?ACCT1=CR1`,
    `${APP}/cb?x=1&%20Token2=${TOKEN}`,
    `${APP}/redirect#&token1=${TOKEN}`,
    `${APP}/redirect?&token1=${TOKEN}`,
    `?acct1=CR1`,
    `acct1=CR1&token1=${TOKEN}`,
    new URL(`${APP}/#/cb?token1=${TOKEN}`),
  ])('finds the callback in %s', (url) => {
    expect(hasOAuthCallback(url)).toBe(true);
  });

  it.each([
    APP,
    `${APP}/trade?symbol=R_50#chart`,
    `${APP}/cb&token1=${TOKEN}`,
    `${APP}/state=x/cb`,
    `${APP}/cb?token1=&acct1=%20`,
    `${APP}/cb?affiliate_token=x&utm_source=y`,
    `${APP}/#state`,
    `${APP}/menu?state=open`,
    `${APP}/form?error=required`,
    `${APP}/cb?error=access_denied&error_description=denied`,
  ])('finds none in %s', (url) => {
    expect(hasOAuthCallback(url)).toBe(false);
  });
});

describe('stripOAuthCallback', () => {
  it.each([
    [`${APP}/cb?acct1=CR1&token1=${TOKEN}&cur1=USD`, `${APP}/cb`],
    [`${APP}/cb?x=1&acct1=CR1&token1=${TOKEN}&y=2`, `${APP}/cb?x=1&y=2`],
    [`${APP}/cb?acct1=CR1&token1=${TOKEN}&y=2`, `${APP}/cb?y=2`],
    [`${APP}/#/callback?acct1=CR1&token1=${TOKEN}`, `${APP}/#/callback`],
    [`${APP}/#/callback?acct1=CR1&token1=${TOKEN}&tab=2`, `${APP}/#/callback?tab=2`],
    [`${APP}/#acct1=CR1&token1=${TOKEN}`, `${APP}/`],
    [`${APP}/#acct1=CR1&token1=${TOKEN}&tab=2`, `${APP}/#tab=2`],
    [`${APP}/cb?acct1=CR1&token1=${TOKEN}#/route`, `${APP}/cb#/route`],
    [`${APP}/cb?acct1=CR1#token1=${TOKEN}`, `${APP}/cb`],
    [`${APP}/cb?tok%65n1=${TOKEN}&%20token2=${TOKEN}&+cur1=x`, `${APP}/cb`],
    [`${APP}/cb?state=&token1=`, `${APP}/cb`],
    [`${APP}/redirect#&token1=${TOKEN}`, `${APP}/redirect`],
    [`${APP}/redirect?&token1=${TOKEN}&x=1`, `${APP}/redirect?x=1`],
    [`${APP}/cb?ACCT1=CR1&%20Token1=${TOKEN}&x=1#top`, `${APP}/cb?x=1#top`],
    [`${APP}/trade?symbol=R_50#chart`, `${APP}/trade?symbol=R_50#chart`],
    [`${APP}/100%/cb?acct1=CR1`, `${APP}/100%/cb`],
    [`acct1=CR1&token1=${TOKEN}&x=1`, `x=1`],
  ])('cleans %s', (url, expected) => {
    expect(stripOAuthCallback(url)).toBe(expected);
    expect(hasOAuthCallback(expected)).toBe(false);
  });

  it('accepts a URL object', () => {
    expect(stripOAuthCallback(new URL(`${APP}/cb?acct1=CR1&token1=${TOKEN}#/r`))).toBe(
      `${APP}/cb#/r`,
    );
  });
});

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure.
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };

describe('callback helpers: property', () => {
  const keySpelling = fc.constantFrom(
    'token1',
    'tok%65n1',
    '%20token1',
    '+token1',
    'token%31',
    'acct1',
    'cur1',
    'state',
    'error',
    'error_description',
    'token26',
    ' token2',
    '%74oken3',
  );
  const junk = fc.constantFrom(
    'x=1',
    'utm_source=a',
    '/route',
    '',
    '%',
    '=',
    'a=%ZZ',
    'token',
    'y',
  );
  const piece = fc.oneof(
    keySpelling.map((key) => `${key}=${TOKEN}`),
    junk,
    fc.string({ maxLength: 6 }),
  );
  const separator = fc.constantFrom('&', '?', '#', '&&');
  // Where parameters start: after a path (`?`, `#`, a hash route), or a bare query string. The
  // path itself is never a callback (the parser never reads it), so no canary is planted there.
  const start = fc.constantFrom(
    `${APP}/cb?`,
    `${APP}/#`,
    `${APP}/#/cb?`,
    `${APP}/cb?x=1#/r?`,
    `/cb?`,
    `${APP}/a=b/c?`,
    '?',
    '#',
    '',
  );
  const url = fc
    .tuple(start, fc.array(fc.tuple(separator, piece), { maxLength: 8 }))
    .map(([head, pieces]) => head + pieces.map(([s, p]) => s + p).join(''));

  it('strips every callback parameter: no canary left, nothing left to handle', () => {
    fc.assert(
      fc.property(url, (candidate) => {
        const stripped = stripOAuthCallback(candidate);
        if (stripped.includes(TOKEN)) return false;
        if (hasOAuthCallback(stripped)) return false;
        // Whatever has() says none of, the parser reads no token from.
        if (!hasOAuthCallback(candidate)) {
          try {
            parseOAuthRedirect(candidate, { expectedState: skipStateCheck });
            return false;
          } catch {
            return true;
          }
        }
        return true;
      }),
      { numRuns, ...seed },
    );
  }, 120_000);
});
