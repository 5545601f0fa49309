import { REDACTED } from '@deriv-auth/core';
import { describe, expect, it } from 'vitest';
import { SecretRegistry } from './secretRegistry.js';

const TOKEN = 'a1-LiteralTokenOfThisClient42';

describe('SecretRegistry', () => {
  it.each([
    ['a one-time socket URL', 'wss://ws.example/v3?app_id=1&otp=Zx81QqWm20LpRt'],
    ['a token parameter', 'redirect?acct1=CR1&token1=Zx81QqWm20LpRt&cur1=USD'],
    ['an access token parameter', 'GET /cb#access_token=Zx81QqWm20LpRt&state=s'],
    ['an authorization code parameter', 'https://app.example/callback?code=Zx81QqWm20LpRt&state=s'],
    ['a bearer credential', 'Authorization: Bearer Zx81QqWm20LpRt'],
  ])('redacts the secret of %s', (_, text) => {
    const scrubbed = new SecretRegistry().scrubText(text);
    expect(scrubbed).not.toContain('Zx81QqWm20LpRt');
    expect(scrubbed).toContain(REDACTED);
  });

  it('redacts the literal tokens it was given, also percent-encoded, and keeps JSON valid', () => {
    const registry = new SecretRegistry();
    registry.noteRequest({ authorize: TOKEN, tokens: ['a1-AnotherTokenOfThisClient7'] });
    expect(registry.scrubText(`closed: ${encodeURIComponent(TOKEN)}`)).not.toContain('Literal');
    const json = JSON.stringify({ note: `token ${TOKEN} and a1-AnotherTokenOfThisClient7` });
    const scrubbed = registry.scrubLiterals(json);
    expect(JSON.parse(scrubbed)).toEqual({ note: `token ${REDACTED} and ${REDACTED}` });
  });

  it('keeps the newest MAX secrets and forgets the oldest', () => {
    const registry = new SecretRegistry();
    const secret = (index: number): string => `a1-SecretNumber${String(index).padStart(4, '0')}`;
    for (let index = 0; index <= SecretRegistry.MAX; index += 1)
      registry.noteRequest({ authorize: secret(index) });
    expect(registry.scrubLiterals(secret(0))).toBe(secret(0));
    expect(registry.scrubLiterals(secret(1))).toBe(REDACTED);
    expect(registry.scrubLiterals(secret(SecretRegistry.MAX))).toBe(REDACTED);
  });

  it('bounds outside text before scrubbing it', () => {
    expect(new SecretRegistry().scrubText('x'.repeat(10_000)).length).toBeLessThan(2_100);
  });
});
