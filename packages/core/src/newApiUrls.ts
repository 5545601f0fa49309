// Deriv's New API hosts. Each is a default only: every function that uses one takes an override
// (staging, the mock server). Source: developers.deriv.com and Deriv's reference app.

/** The authorization page (browser redirect); staging: `https://staging-auth.deriv.com/oauth2/auth`. */
export const DEFAULT_AUTHORIZATION_URL = 'https://auth.deriv.com/oauth2/auth';

/** The token endpoint (code exchange and refresh, `application/x-www-form-urlencoded`). */
export const DEFAULT_TOKEN_URL = 'https://auth.deriv.com/oauth2/token';

/** The REST API origin (`/trading/v1/options/accounts`, `.../{accountId}/otp`). */
export const DEFAULT_REST_URL = 'https://api.derivws.com';

/** The public socket: ticks, active symbols, proposals and times without any credential. */
export const DEFAULT_PUBLIC_SOCKET_URL = 'wss://api.derivws.com/trading/v1/options/ws/public';
