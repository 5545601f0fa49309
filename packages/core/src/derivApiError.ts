import { DerivAuthError, isDerivAuthError } from './derivAuthError.js';
import type { DerivErrorCode } from './derivErrorCode.js';
import { redactSecrets } from './redactSecrets.js';

/**
 * The parts of a Deriv error response {@link createDerivApiError} reads. Optional fields accept
 * `undefined`, so the output of `ErrorResponseSchema.parse` fits as it is.
 */
export interface DerivErrorEnvelope {
  /** The error itself. */
  error: { code: string; message: string; details?: unknown };
  /** The call that failed. */
  msg_type?: string | undefined;
  /** The request id, when the request had one. */
  req_id?: number | undefined;
  /** The request as the server echoes it (sensitive fields already hidden by the server). */
  echo_req?: unknown;
}

// Hints for the errors people hit while wiring up sign-in; Deriv's own text stays first.
const HINTS: Partial<Record<string, string>> = {
  InvalidToken:
    'The token is revoked, mistyped, or was issued for another app id (OAuth tokens only work with the app id that issued them).',
  AuthorizationRequired: 'Call authorize before this request.',
  PermissionDenied: 'The token lacks the scope this call needs; see CALL_REQUIREMENTS.',
  RateLimit: 'Back off before retrying; limits are in website_status.api_call_limits.',
  InvalidAppID: 'Check the app_id in the WebSocket URL.',
};

/**
 * An error answer from the Deriv API (`{ error: { code, message } }`), as an `Error`.
 *
 * @remarks
 * `code` is Deriv's code (`InvalidToken`), `message` is Deriv's message followed by a hint for
 * common mistakes, `echoReq` is the request as echoed, with every secret redacted again.
 *
 * @param envelope - The error response.
 * @example
 * ```ts
 * if (isDerivApiError(error) && error.code === 'InvalidToken') signOut()
 * ```
 * @see https://developers.deriv.com/docs/error-codes
 */
export class DerivApiError extends DerivAuthError<DerivErrorCode> {
  override name = 'DerivApiError';
  /** The call that failed (`msg_type`). */
  readonly msgType: string;
  /** The `req_id` of the failed request, if it had one. */
  declare readonly reqId?: number;
  /** The request as echoed by the server, secrets redacted. */
  readonly echoReq: Readonly<Record<string, unknown>>;
  /** Deriv's message without the SDK hint. */
  readonly serverMessage: string;

  constructor(envelope: DerivErrorEnvelope) {
    // Untrusted wire data: coerce rather than trust the declared types.
    const { code, message, details } = envelope.error as {
      code: unknown;
      message: unknown;
      details?: unknown;
    };
    const serverMessage = redactSecrets(String(message));
    const codeText = String(code);
    const hint = HINTS[codeText];
    super(
      codeText,
      hint ? `${serverMessage} ${hint}` : serverMessage,
      details === undefined ? {} : { details: redactSecrets(details) as Record<string, unknown> },
    );
    this.serverMessage = serverMessage;
    this.msgType = typeof envelope.msg_type === 'string' ? envelope.msg_type : '';
    if (typeof envelope.req_id === 'number') this.reqId = envelope.req_id;
    const echo = envelope.echo_req;
    this.echoReq =
      typeof echo === 'object' && echo !== null
        ? (redactSecrets(echo) as Record<string, unknown>)
        : {};
  }
}

/**
 * Builds a {@link DerivApiError} from a Deriv error response.
 *
 * @param envelope - A response whose `error` is set.
 * @returns The error, ready to throw or reject with.
 * @example
 * ```ts
 * if (response.error) throw createDerivApiError(response)
 * ```
 */
export function createDerivApiError(envelope: DerivErrorEnvelope): DerivApiError {
  return new DerivApiError(envelope);
}

/**
 * Tells whether a value is a {@link DerivApiError}, also one from another installed copy.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link DerivApiError}.
 * @example
 * ```ts
 * if (isDerivApiError(error) && error.code === 'RateLimit') await backOff()
 * ```
 */
export function isDerivApiError(value: unknown): value is DerivApiError {
  return isDerivAuthError(value) && value.name === 'DerivApiError';
}
