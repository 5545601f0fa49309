import { REDACTED, redactSecrets, scrubSecrets } from '@deriv-auth/core';

// The one shape core leaves alone: an OAuth authorization code as a URL parameter (`?code=`).
// Core cannot treat `code` as a secret name: it would hide every `error.code` in a JSON log line.
const CODE_PARAMETER = /((?:^|[?&#])code=)[^&#\s"']+/gi;

/** Shortest literal scrubbed: shorter ones would also hit ordinary words. */
const MIN_SECRET_LENGTH = 8;
/** Cap on the text scrubbed: longer text is cut first (server text is attacker text). */
const MAX_TEXT_LENGTH = 2_000;
const MAX_CAUSE_DEPTH = 4;

/**
 * The secrets a client has sent (tokens in `authorize` and `tokens`), so that text the SDK did not
 * write (a close reason, a server message, a `ws` error) can be scrubbed of them before it reaches
 * an error, an event or a snapshot. Bounded: the newest {@link SecretRegistry.MAX} are kept.
 */
export class SecretRegistry {
  static readonly MAX = 64;
  /**
   * One secret as is, several in insertion order (oldest first): most clients only ever send one
   * token, and a fleet of thousands should not pay a `Set` for each.
   */
  #secrets: string | Set<string> | undefined;

  /** Remembers every secret of a request about to be sent. */
  noteRequest(request: object): void {
    const { authorize, tokens } = request as { authorize?: unknown; tokens?: unknown };
    this.#add(authorize);
    if (Array.isArray(tokens)) for (const token of tokens) this.#add(token);
  }

  #add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return;
    const current = this.#secrets;
    if (current === undefined || current === secret) {
      this.#secrets = secret;
      return;
    }
    const secrets = typeof current === 'string' ? new Set([current]) : current;
    secrets.delete(secret);
    secrets.add(secret);
    if (secrets.size > SecretRegistry.MAX) {
      const oldest = secrets.values().next().value;
      if (oldest !== undefined) secrets.delete(oldest);
    }
    this.#secrets = secrets;
  }

  #list(): string[] {
    const secrets = this.#secrets;
    return secrets === undefined ? [] : typeof secrets === 'string' ? [secrets] : [...secrets];
  }

  /**
   * Replaces every literal secret in `text`, also percent-encoded (core's `scrubSecrets`; safe
   * inside JSON: the marker needs no escaping).
   */
  scrubLiterals(text: string): string {
    return this.#secrets === undefined ? text : scrubSecrets(text, this.#list());
  }

  /**
   * Scrubs outside text: bounded, then core's `redactSecrets` with the literal secrets: every
   * literal, and every secret by shape (`otp=`, `token1=`, `access_token=`, `Bearer ...`, `a1-...`),
   * plus `code=` URL parameters.
   */
  scrubText(text: string): string {
    const bounded = text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}…` : text;
    return redactSecrets(bounded, { secrets: this.#list() }).replace(
      CODE_PARAMETER,
      `$1${REDACTED}`,
    );
  }

  /**
   * A `cause` from outside (a `ws` error, a thrown `socketUrl`), fit to carry: an `Error` becomes a
   * copy with its name, `code` (`ECONNREFUSED`), scrubbed message and stack and scrubbed cause
   * chain; a string is scrubbed; anything else is dropped (it could hold anything).
   */
  scrubCause(cause: unknown, depth = 0): unknown {
    if (typeof cause === 'string') return this.scrubText(cause);
    if (!(cause instanceof Error) || depth >= MAX_CAUSE_DEPTH) return undefined;
    try {
      const inner = this.scrubCause(cause.cause, depth + 1);
      const copy = new Error(
        this.scrubText(cause.message),
        inner === undefined ? {} : { cause: inner },
      );
      copy.name = typeof cause.name === 'string' ? cause.name : 'Error';
      copy.stack = `${copy.name}: ${copy.message}`;
      const code = (cause as { code?: unknown }).code;
      if (typeof code === 'string' && /^\w{1,40}$/.test(code)) Object.assign(copy, { code });
      return copy;
    } catch {
      return undefined;
    }
  }
}
