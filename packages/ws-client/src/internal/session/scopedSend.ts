import { CALL_REQUIREMENTS, getCallName, isCallAllowed, type DerivScope } from '@deriv-auth/core';
import type { DerivClient } from '../../createDerivClient.js';
import { DerivSessionError } from '../../derivSessionError.js';
import type { ScopeCheck } from '../../sessionTypes.js';
import type { SessionState } from './sessionState.js';

/**
 * The session's `send`: a call that needs authorization is refused locally when the session is
 * not authorized (`not_authorized`) or lacks its scope (`permission_denied`); a reply to such a
 * call that arrives after an account switch is dropped (`account_switched`).
 */
export function createScopedSend(
  client: DerivClient,
  state: SessionState,
  checkScopes: boolean | ScopeCheck,
): DerivClient['send'] {
  return (request, sendOptions) => {
    const call = getCallName(request);
    const requirement = call === undefined ? undefined : CALL_REQUIREMENTS[call];
    const status = state.fields.status;
    if (call !== undefined && requirement?.authRequired && checkScopes !== false) {
      if (status === 'signed_out' || status === 'error') {
        return Promise.reject(
          new DerivSessionError(
            'not_authorized',
            `\`${call}\` needs an authorized session; call authorize() first.`,
            { details: { call } },
          ),
        );
      }
      const scopes: readonly DerivScope[] = state.store.getSnapshot().scopes;
      const allowed =
        typeof checkScopes === 'function' ? checkScopes(call, scopes) : isCallAllowed(call, scopes);
      if (status === 'authorized' && !allowed) {
        return Promise.reject(
          new DerivSessionError(
            'permission_denied',
            `\`${call}\` needs one of the scopes ${requirement.scopes.join(', ')}; this session has ${scopes.join(', ') || 'none'}.`,
            { details: { call, required: requirement.scopes, granted: scopes } },
          ),
        );
      }
    }
    const sentEpoch = state.epoch;
    const reply = client.send(request, sendOptions);
    // Public calls do not depend on the account; everything else must come from the current one.
    if (requirement && !requirement.authRequired) return reply;
    return reply.then((value) => {
      if (sentEpoch !== state.epoch)
        throw new DerivSessionError(
          'account_switched',
          `The reply to \`${call ?? 'request'}\` belongs to an account that is no longer active.`,
        );
      return value;
    });
  };
}
