import { DERIV_SCOPES } from '@deriv-auth/core';
import type { MockNewApiScope, MockOAuthClient } from './newApiTypes.js';
import type { MockApp, MockScope, MockUser } from './types.js';

/**
 * The app id registered by default: Deriv's public test app id.
 *
 * @example
 * ```ts
 * const socket = new WebSocket(`${server.wsUrl}?app_id=${DEFAULT_APP_ID}`);
 * ```
 */
export const DEFAULT_APP_ID = 1089;

/**
 * Where the default app redirects: the demo app's callback page (Vite's default port).
 *
 * @example
 * ```ts
 * const { redirectUrl } = await server.login({ appId: DEFAULT_APP_ID });
 * redirectUrl.startsWith(DEFAULT_REDIRECT_URI); // true
 * ```
 */
export const DEFAULT_REDIRECT_URI = 'http://localhost:5173/redirect';

/**
 * Every scope a Deriv token can carry; fixture users without `scopes` get all of them.
 *
 * @example
 * ```ts
 * const admin: MockUser = { id: 'admin', fullname: 'Ada', email: 'ada@example.com', accounts: [{ loginid: 'CR1', currency: 'USD' }], scopes: ALL_SCOPES };
 * ```
 */
export const ALL_SCOPES: readonly MockScope[] = DERIV_SCOPES;

/**
 * The apps every mock server knows: app {@link DEFAULT_APP_ID} redirecting to {@link DEFAULT_REDIRECT_URI}.
 *
 * @example
 * ```ts
 * const server = await startMockServer({ apps: [...defaultApps, { appId: 1, redirectUri: 'http://localhost/cb' }] });
 * ```
 */
export const defaultApps: readonly MockApp[] = [
  { appId: DEFAULT_APP_ID, redirectUri: DEFAULT_REDIRECT_URI, name: 'Deriv Auth Demo' },
];

/**
 * The fixture users every mock server knows (by `id`):
 * - `john`: the seed page's user, real `CR799393` (USD) + virtual `VRTC1859315` (USD), all five scopes.
 * - `nocurrency`: one real account `CR900001` without a currency yet (`cur1=` empty).
 * - `multi`: USD, BTC and demo accounts plus a disabled EUR account (listed, never given a token).
 * - `readonly`: tokens with only `read` and `trading_information` (no `trade`, `payments`, `admin`).
 * - `revoked`: every login yields a token that is already revoked (`authorize` answers `InvalidToken`).
 *
 * @example
 * ```ts
 * const { accounts } = await server.login({ appId: 1089, user: 'readonly' });
 * ```
 */
export const defaultUsers: readonly MockUser[] = [
  {
    id: 'john',
    fullname: ' John Doe',
    email: 'john@example.com',
    country: 'id',
    accounts: [
      {
        loginid: 'CR799393',
        currency: 'USD',
        balance: 10_000,
        landingCompanyName: 'svg',
        accountId: 'DOT90004580',
      },
      {
        loginid: 'VRTC1859315',
        currency: 'USD',
        isVirtual: true,
        balance: 10_000,
        landingCompanyName: 'virtual',
        accountId: 'DOT90004581',
      },
    ],
  },
  {
    id: 'nocurrency',
    fullname: 'Nora Nocurrency',
    email: 'nora@example.com',
    accounts: [{ loginid: 'CR900001', currency: '' }],
  },
  {
    id: 'multi',
    fullname: 'Mia Multi',
    email: 'mia@example.com',
    accounts: [
      { loginid: 'CR900010', currency: 'USD', balance: 250.5 },
      { loginid: 'CR900011', currency: 'BTC', balance: 0.015 },
      { loginid: 'CR900012', currency: 'EUR', isDisabled: true },
      { loginid: 'VRTC900013', currency: 'USD', isVirtual: true, balance: 10_000 },
    ],
  },
  {
    id: 'readonly',
    fullname: 'Rita Readonly',
    email: 'rita@example.com',
    accounts: [{ loginid: 'CR900020', currency: 'USD', balance: 42 }],
    scopes: ['read', 'trading_information'],
  },
  {
    id: 'revoked',
    fullname: 'Rex Revoked',
    email: 'rex@example.com',
    accounts: [{ loginid: 'CR900030', currency: 'USD', balance: 5 }],
    tokensRevoked: true,
  },
];

/**
 * The OAuth client id registered by default on the New API side (letters and digits, as Deriv's).
 *
 * @example
 * ```ts
 * const { code } = server.newApi.login({ clientId: DEFAULT_CLIENT_ID });
 * ```
 * @see https://developers.deriv.com/docs/authentication
 */
export const DEFAULT_CLIENT_ID = 'mockClient1089';

/**
 * The OAuth clients every mock server knows: {@link DEFAULT_CLIENT_ID}, redirecting to
 * {@link DEFAULT_REDIRECT_URI} (the demo app's callback, shared with legacy app 1089).
 *
 * @example
 * ```ts
 * await startMockServer({ newApi: { clients: [...defaultClients, { clientId: 'other1', redirectUris: ['http://localhost/cb'] }] } });
 * ```
 */
export const defaultClients: readonly MockOAuthClient[] = [
  { clientId: DEFAULT_CLIENT_ID, redirectUris: [DEFAULT_REDIRECT_URI], name: 'Deriv Auth Demo' },
];

/**
 * The four scopes of Deriv's New API, granted by default by `server.newApi.login` and `issueTokens`.
 *
 * @example
 * ```ts
 * server.newApi.issueTokens({ scopes: NEW_API_SCOPES.filter((scope) => scope !== 'trade') });
 * ```
 */
export const NEW_API_SCOPES: readonly MockNewApiScope[] = [
  'trade',
  'payment',
  'account_manage',
  'application_read',
];
