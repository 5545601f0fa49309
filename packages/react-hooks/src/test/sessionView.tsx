import { useConnectionStatus } from '../useConnectionStatus.js';
import { useSessionActions } from '../useSessionActions.js';
import { useSessionSnapshot } from '../useSessionSnapshot.js';
import { useLogin } from '../useLogin.js';
import { useOAuthCallback } from '../useOAuthCallback.js';

/** A page using every hook, rendered on a server and hydrated in a browser by the tests. */
export function SessionView() {
  const status = useSessionSnapshot((snapshot) => snapshot.status);
  const accounts = useSessionSnapshot((snapshot) => snapshot.accounts.length);
  const connection = useConnectionStatus();
  const callback = useOAuthCallback();
  useSessionActions();
  const { login } = useLogin({ appId: 1089, navigate: false });
  return (
    <>
      <p>{`session:${status} connection:${connection} accounts:${String(accounts)} callback:${callback.status}`}</p>
      <button onClick={() => login()}>Log in</button>
    </>
  );
}
