/**
 * The part of `@deriv-auth/core` about calls, as the `@deriv-auth/core/calls` entry: which calls
 * need which scopes, and secret redaction. Node tools (the mock server CLI) import it to load only
 * these modules (no parsers, no oauth4webapi; zod lives in `@deriv-auth/core/schemas`); browser
 * bundles get the same tree-shaking from the main entry.
 *
 * @packageDocumentation
 * @module calls
 */
export { CALL_REQUIREMENTS } from './generated/callRequirements.js';
export { SENSITIVE_FIELD_NAMES, SENSITIVE_REQUEST_FIELDS } from './generated/sensitiveFields.js';
export { DERIV_SCOPES, isDerivScope } from './derivScope.js';
export type { CallRequirement, DerivScope } from './derivScope.js';
export { getCallName, isAuthRequired, isCallAllowed } from './callPermissions.js';
export {
  REDACTED,
  TOO_DEEP,
  MAX_REDACT_DEPTH,
  redactSecrets,
  scrubSecrets,
} from './redactSecrets.js';
export type { RedactSecretsOptions } from './redactSecrets.js';
