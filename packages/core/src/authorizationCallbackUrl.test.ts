import { describe, expect, it } from 'vitest';
import {
  hasAuthorizationCallback,
  stripAuthorizationCallback,
} from './authorizationCallbackUrl.js';

describe('the New API callback in a page URL', () => {
  it.each([
    ['https://app.example/cb?code=ory_ac_1&state=s1', true],
    ['https://app.example/#/callback?code=ory_ac_1&state=s1', true],
    ['https://app.example/cb?error=access_denied&state=s1', true],
    // A promo code or an error page of the app itself is not a login callback.
    ['https://app.example/shop?code=SUMMER', false],
    ['https://app.example/cb?code=&state=s1', false],
    ['https://app.example/cb?state=s1', false],
  ])('%s is a callback: %s', (href, expected) => {
    expect(hasAuthorizationCallback(href)).toBe(expected);
  });

  it.each([
    ['https://app.example/cb?code=ory_ac_1&state=s1', 'https://app.example/cb'],
    ['https://app.example/cb?tab=2&code=ory_ac_1&state=s1&iss=x', 'https://app.example/cb?tab=2'],
    ['https://app.example/#/callback?code=ory_ac_1&state=s1', 'https://app.example/#/callback'],
    ['https://app.example/cb?%63ode=ory_ac_1&state=s1', 'https://app.example/cb'],
    [
      'https://app.example/cb?%E0%A4%A=ory_ac_1&code=x&state=s1',
      'https://app.example/cb?%E0%A4%A=ory_ac_1',
    ],
    [
      'https://app.example/cb?error=access_denied&error_description=No&state=s',
      'https://app.example/cb',
    ],
  ])('strips %s to %s', (href, clean) => {
    expect(stripAuthorizationCallback(href)).toBe(clean);
  });
});
