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
