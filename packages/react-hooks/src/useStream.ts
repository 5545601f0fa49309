'use client';
import { useMemo, useSyncExternalStore } from 'react';
import {
  CALL_REQUIREMENTS,
  getCallName,
  type DerivRequest,
  type ExactDerivRequest,
} from '@deriv-auth/core';
import type { DerivResponseFor, SessionSnapshot } from '@deriv-auth/ws-client';
import { useSession } from './DerivProvider.js';
import { useSessionSnapshot } from './useSessionSnapshot.js';
import { createStreamObserver, type UseStreamResult } from './useStreamObserver.js';

/** Options of {@link useStream}. */
export interface UseStreamOptions {
  /** `false` subscribes to nothing and returns `idle`, as a `null` request does (default `true`). */
  enabled?: boolean | undefined;
}

/**
 * Subscribes the component to a Deriv stream (`session.stream(request)`) and returns the newest
 * reply with the stream's status: `{ status, latest, error, gap }` (see {@link UseStreamResult}).
 *
 * @remarks
 * - **Shared.** Components with the same request share one server subscription (ws-client's
 *   streams); a component mounting later shows the newest reply at once.
 * - **Lifecycle.** Subscribes after mount, `forget`s when the last component using the request
 *   unmounts. StrictMode's unmount-and-mount keeps the one subscription. A changed request (compared
 *   by value, so an inline object literal is fine) closes the old stream and opens the new one.
 * - **Account.** A call bound to the account (`balance`, `proposal_open_contract`, ...) follows the
 *   session: after a switch it re-subscribes as the new account (ws-client ends the old stream
 *   with `account_switched`). Market streams (`ticks`) are untouched by a switch.
 * - **Reconnects.** After a dropped connection `gap` is `true` until the re-subscribed stream
 *   delivers again; `latest` keeps the last reply meanwhile.
 * - **Server rendering.** Renders `pending` (or `idle`) and subscribes only in the browser.
 *
 * The request's type picks the reply type: `useStream({ ticks: 'R_100' }).latest` is the ticks
 * reply. Pass `null` (or `enabled: false`) to subscribe to nothing.
 *
 * @param request - A Deriv request (`subscribe: 1` is added), or `null`/`undefined` for none.
 * @param options - See {@link UseStreamOptions}.
 * @throws {@link DerivReactError} `missing_provider` outside {@link DerivProvider}.
 * @example
 * ```tsx
 * import { useStream } from '@deriv-auth/react-hooks';
 *
 * export function Price() {
 *   const { status, latest, gap } = useStream({ ticks: 'R_100' });
 *   if (status === 'error') return <p>No price</p>;
 *   return <p className={gap ? 'stale' : ''}>{latest?.tick?.quote ?? '…'}</p>;
 * }
 * ```
 */
export function useStream<const Request extends DerivRequest>(
  request: ExactDerivRequest<Request> | null | undefined,
  options?: UseStreamOptions,
): UseStreamResult<DerivResponseFor<Request>> {
  const session = useSession();
  const active = options?.enabled !== false && request != null;
  const key = active ? JSON.stringify(request) : undefined;
  // As ws-client decides: bound to the account unless the call is known to be public.
  const accountBound =
    active && CALL_REQUIREMENTS[getCallName(request) ?? '']?.authRequired !== false;
  // Only an account-bound stream re-subscribes when the authorized account changes.
  const loginid = useSessionSnapshot((snapshot: SessionSnapshot) =>
    accountBound ? snapshot.authorize?.loginid : undefined,
  );
  const observer = useMemo(
    () =>
      createStreamObserver<DerivResponseFor<Request>>(
        key === undefined ? undefined : () => session.stream(JSON.parse(key) as never) as never,
      ),
    // `loginid` is a dependency on purpose: a new account means a new subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, key, loginid],
  );
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, () => observer.initial);
}
