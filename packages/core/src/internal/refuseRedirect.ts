// The one refusal shape of both callback parsers (legacy `?acct1=` and New API `?code=`).
import {
  OAuthRedirectError,
  type OAuthRedirectErrorCode,
  type OAuthRedirectErrorOptions,
} from '../oAuthRedirectError.js';
import { decodeComponent } from './redirectParameters.js';

/**
 * Throws the parser's typed error: the code, what was expected and where. `parameter` is always a
 * name the parser knows (`token2`, `code`), never a value, so no secret reaches a message.
 */
export function refuse(
  code: OAuthRedirectErrorCode,
  expected: string,
  parameter?: string,
  options: OAuthRedirectErrorOptions = parameter ? { details: { parameter } } : {},
): never {
  throw new OAuthRedirectError(
    code,
    `${code}: expected ${expected}${parameter ? ' in ' + parameter : ''}`,
    options,
  );
}

/** Decodes a key or value (`+` is a space), or refuses it as `malformed_encoding`. */
export function decodeOrRefuse(text: string, parameter?: string): string {
  return decodeComponent(text) ?? refuse('malformed_encoding', 'percent-encoding', parameter);
}

// Anything outside visible ASCII (%x20-7E, RFC 6749 Appendix A).
const NOT_VISIBLE = /[^ -~]/g;
// In the provider's text: anything shaped like a credential (a Deriv `a1-...` token, a long
// unbroken run, a `key=value` pair) is hidden, since an attacker writes that text.
const CREDENTIAL_LIKE = /\b[a-z]\d-[\w-]+|[\w-]{20,}|[^\s&=]+=[^\s&]*/gi;

/** Attacker text made safe to show: visible ASCII only, credentials and `secrets` hidden, bounded. */
function cleanProviderText(value: string, length: number, secrets: readonly string[]): string {
  let text = value.replace(NOT_VISIBLE, '').replace(CREDENTIAL_LIKE, '<not shown>');
  for (const secret of secrets) if (secret) text = text.split(secret).join('<not shown>');
  return text.slice(0, length);
}

/**
 * Refuses a callback that carries the provider's `error`: its text (attacker-controlled) is kept out
 * of the message, cleaned by {@link cleanProviderText} (also of every secret the same URL carries),
 * and exposed as `details.providerError` / `providerErrorDescription` and on the error itself.
 */
export function refuseProviderError(
  error: string,
  description: string | undefined,
  secrets: readonly string[],
  expected: string,
  parameter?: string,
): never {
  const untrusted = {
    providerError: cleanProviderText(error, 64, secrets),
    ...(description && { providerErrorDescription: cleanProviderText(description, 256, secrets) }),
  };
  return refuse('provider_error', expected, parameter, {
    details: { ...(parameter && { parameter }), ...untrusted },
    ...untrusted,
  });
}
