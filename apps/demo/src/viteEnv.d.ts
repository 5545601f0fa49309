/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DERIV_APP_ID?: string;
  readonly VITE_DERIV_OAUTH_URL?: string;
  readonly VITE_DERIV_WS_URL?: string;
  readonly VITE_DERIV_LANGUAGE?: string;
  readonly VITE_DERIV_BRAND?: string;
  readonly VITE_DERIV_DEFAULT_ACCOUNT?: string;
  readonly VITE_DERIV_STORAGE?: string;
  readonly VITE_DERIV_FLOW?: string;
  readonly VITE_DERIV_CLIENT_ID?: string;
  readonly VITE_DERIV_AUTH_URL?: string;
  readonly VITE_DERIV_TOKEN_URL?: string;
  readonly VITE_DERIV_REST_URL?: string;
  readonly VITE_DERIV_PUBLIC_WS_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
