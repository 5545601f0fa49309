/**
 * What the New API issues and later checks: authorization codes (single use, expiring, bound to a
 * client, redirect URI and PKCE challenge), access and refresh tokens, and one-time socket
 * passwords (OTPs). Survives `restart()`, as the legacy tokens do.
 */
import { randomBytes } from 'node:crypto';
import type { MockNewApiScope, MockTokenResponse } from '../newApiTypes.js';
import type { NewApiConfig } from './newApiConfig.js';

/** Who a grant belongs to and what it allows. */
export interface Grant {
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly MockNewApiScope[];
}

export interface CodeRecord extends Grant {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly expiresAt: number;
  used: boolean;
  /** Tokens issued from this code: revoked if the code is presented again (RFC 6749 §4.1.2). */
  readonly issued: string[];
}

export interface AccessRecord extends Grant {
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshRecord extends Grant {
  revoked: boolean;
}

export interface OtpRecord {
  readonly accountId: string;
  readonly userId: string;
  readonly expiresAt: number;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class NewApiTokens {
  private readonly codes = new Map<string, CodeRecord>();
  readonly access = new Map<string, AccessRecord>();
  readonly refresh = new Map<string, RefreshRecord>();
  private readonly otps = new Map<string, OtpRecord>();

  /**
   * @param revokedUsers - fixture users whose every token is born revoked (`tokensRevoked`), on
   * this flow as on the legacy one
   */
  constructor(
    private readonly config: NewApiConfig,
    private readonly revokedUsers: ReadonlySet<string> = new Set(),
  ) {}

  /** A fresh `ory_ac_...` code. */
  issueCode(grant: Grant, redirectUri: string, challenge: string, now = Date.now()): string {
    const code = `ory_ac_${random(32)}.${random(16)}`;
    this.codes.set(code, {
      ...grant,
      redirectUri,
      challenge,
      expiresAt: now + this.config.codeTtlMs,
      used: false,
      issued: [],
    });
    return code;
  }

  /**
   * Spends a code: undefined when it is unknown, expired, already used or issued to another client.
   * A second presentation also revokes what the first one got.
   */
  spendCode(code: string, clientId: string, now = Date.now()): CodeRecord | undefined {
    const record = this.codes.get(code);
    if (record?.clientId !== clientId) return undefined;
    if (record.used) {
      for (const token of record.issued) this.revoke(token);
      return undefined;
    }
    record.used = true;
    return now < record.expiresAt ? record : undefined;
  }

  /** Access token (and refresh token unless refresh is disabled), as the token endpoint answers. */
  issueTokens(grant: Grant, withRefresh: boolean, now = Date.now()): MockTokenResponse {
    const accessToken = `ory_at_${random(32)}.${random(16)}`;
    this.access.set(accessToken, {
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: now + this.config.accessTtlMs,
      revoked: this.revokedUsers.has(grant.userId),
    });
    let refreshToken: string | undefined;
    if (withRefresh && this.config.refresh !== 'disabled') {
      refreshToken = `ory_rt_${random(32)}.${random(16)}`;
      this.refresh.set(refreshToken, {
        clientId: grant.clientId,
        userId: grant.userId,
        scopes: grant.scopes,
        revoked: this.revokedUsers.has(grant.userId),
      });
    }
    return {
      access_token: accessToken,
      token_type: 'bearer',
      ...(this.config.sendExpiresIn
        ? { expires_in: Math.round(this.config.accessTtlMs / 1000) }
        : {}),
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      scope: grant.scopes.join(' '),
    };
  }

  /** The grant of a live access token, or undefined (unknown, expired, revoked). */
  checkAccess(token: string, now = Date.now()): AccessRecord | undefined {
    const record = this.access.get(token);
    return record !== undefined && !record.revoked && now < record.expiresAt ? record : undefined;
  }

  /** The `accessTokenExpired` fault: every access token issued so far expires now. */
  expireAllAccess(now = Date.now()): void {
    for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  revoke(token: string): void {
    const record = this.access.get(token) ?? this.refresh.get(token);
    if (record !== undefined) record.revoked = true;
  }

  /** Every token of a user, as the legacy `revokeUser` does for its own. */
  revokeUser(userId: string): void {
    for (const record of [...this.access.values(), ...this.refresh.values()])
      if (record.userId === userId) record.revoked = true;
  }

  /** A fresh OTP for one account (hex, as Deriv's example `abc123xyz789` is URL-safe). */
  issueOtp(accountId: string, userId: string, now = Date.now()): string {
    // Forget spent-by-time ones so a long test run does not grow the map without bound.
    for (const [otp, record] of this.otps) if (record.expiresAt <= now) this.otps.delete(otp);
    const otp = randomBytes(24).toString('hex');
    this.otps.set(otp, { accountId, userId, expiresAt: now + this.config.otpTtlMs });
    return otp;
  }

  /** Spends an OTP: its record when it was live, else undefined. Any presentation spends it. */
  spendOtp(otp: string, now = Date.now()): OtpRecord | undefined {
    const record = this.otps.get(otp);
    this.otps.delete(otp);
    return record !== undefined && now < record.expiresAt ? record : undefined;
  }
}
