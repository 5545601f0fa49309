import { DerivRestError } from '../../derivRestError.js';

/** How one HTTP call of the New API is bounded and named in its errors. */
export interface DeadlineFetchOptions {
  /** `METHOD /path` as errors show it (never a URL with a secret in it). */
  readonly endpoint: string;
  /** Time the call may take before it is aborted as `request_timeout`. */
  readonly timeoutMs: number;
  /** The callers' signals: any of them aborts the call as `request_aborted`. */
  readonly signals: readonly (AbortSignal | undefined)[];
  /** The `cause` of a `network_failure`, scrubbed by the caller; none when omitted. */
  readonly causeOf?: ((error: unknown) => Error) | undefined;
}

/**
 * One `fetch` with the guarantees of a socket call: a deadline, the callers' aborts, and a typed
 * `DerivRestError` for each way it can fail without an answer (`request_aborted`,
 * `request_timeout`, `network_failure`). Resolves with the status and the JSON body (`undefined`
 * when the body is not JSON); the caller judges both.
 */
export async function fetchWithDeadline(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  options: DeadlineFetchOptions,
): Promise<{ status: number; body: unknown }> {
  const { endpoint, timeoutMs } = options;
  const callers = options.signals.filter((signal) => signal !== undefined);
  const controller = new AbortController();
  const deadline = { passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => {
    controller.abort();
  };
  for (const caller of callers) caller.addEventListener('abort', onAbort);
  if (callers.some((caller) => caller.aborted)) controller.abort();
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    if (callers.some((caller) => caller.aborted))
      throw new DerivRestError('request_aborted', `${endpoint} was aborted.`, {
        details: { endpoint },
      });
    if (deadline.passed)
      throw new DerivRestError(
        'request_timeout',
        `${endpoint} got no answer within ${timeoutMs} ms.`,
        { details: { endpoint, timeoutMs } },
      );
    throw new DerivRestError('network_failure', `${endpoint} failed: no answer.`, {
      details: { endpoint },
      ...(options.causeOf && { cause: options.causeOf(error) }),
    });
  } finally {
    clearTimeout(timer);
    for (const caller of callers) caller.removeEventListener('abort', onAbort);
  }
}
