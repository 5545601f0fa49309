import { useConnectionStatus } from '@deriv-auth/react-hooks';

const LABELS = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
} as const;

/**
 * A live pill for the WebSocket state. Screen readers hear changes (`role="status"`).
 *
 * @returns The indicator.
 */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span
      className={`status-pill status-${status}`}
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-status={status}
    >
      <span className="status-dot" aria-hidden="true" />
      <span>
        <span className="visually-hidden">Connection: </span>
        {LABELS[status]}
      </span>
    </span>
  );
}
