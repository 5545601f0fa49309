// @vitest-environment happy-dom
import { StrictMode, useState, type ReactNode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { isDerivApiError } from '@deriv-auth/core';
import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import { isDerivSessionError, type DerivSession } from '@deriv-auth/ws-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DerivProvider } from './DerivProvider.js';
import { createTestSession } from './test/harness.js';
import { useStream } from './useStream.js';
import type { UseStreamResult } from './useStreamObserver.js';

let server: MockServer;
let session: DerivSession;

beforeEach(async () => {
  server = await startMockServer({
    port: 0,
    oauth: { autoApprove: true },
    ticks: { intervalMs: 10 },
  });
  session = createTestSession(server);
});

afterEach(async () => {
  cleanup();
  await session.close();
  await server.close();
});

/** Live subscriptions the mock server holds, over every connection. */
const serverSubscriptions = (): number =>
  server.connections().reduce((sum, connection) => sum + connection.subscriptions, 0);
const sentCalls = (call: string): number =>
  server.received.filter((message) => message.call === call).length;

function inProvider(children: ReactNode) {
  return <DerivProvider session={session}>{children}</DerivProvider>;
}

/** Shows a tick stream's state as text, and records every state it rendered. */
function Ticks({
  symbol,
  label = 'ticks',
  seen,
}: {
  symbol: 'R_100' | 'R_50' | null;
  label?: string;
  seen?: UseStreamResult<unknown>[];
}) {
  const result = useStream(symbol === null ? null : { ticks: symbol });
  seen?.push(result);
  const { status, latest, gap } = result;
  return (
    <p data-testid={label}>{`${status}:${latest?.tick?.symbol ?? '-'}:${gap ? 'gap' : 'fresh'}`}</p>
  );
}

/** Waits until the component shows a live tick of `symbol`, and returns the quote count so far. */
async function waitForLive(label: string, symbol: string) {
  await waitFor(() => {
    expect(screen.getByTestId(label).textContent).toBe(`live:${symbol}:fresh`);
  });
}

describe('useStream against the mock server', () => {
  it('shows the newest tick and follows new ones; unmounting forgets the subscription', async () => {
    const seen: UseStreamResult<unknown>[] = [];
    const view = render(inProvider(<Ticks symbol="R_100" seen={seen} />));
    expect(seen[0]?.status).toBe('pending');
    await waitForLive('ticks', 'R_100');
    const quotes = () => new Set(seen.map((result) => result.latest).filter(Boolean)).size;
    await waitFor(() => {
      expect(quotes()).toBeGreaterThanOrEqual(3);
    });
    expect(serverSubscriptions()).toBe(1);
    view.unmount();
    await waitFor(() => {
      expect(serverSubscriptions()).toBe(0);
    });
    expect(sentCalls('forget')).toBe(1);
  });

  it('under StrictMode subscribes once on the server and leaves nothing behind on unmount', async () => {
    const view = render(<StrictMode>{inProvider(<Ticks symbol="R_100" />)}</StrictMode>);
    await waitForLive('ticks', 'R_100');
    expect(serverSubscriptions()).toBe(1);
    expect(sentCalls('ticks')).toBe(1);
    expect(sentCalls('forget')).toBe(0);
    expect(session.client.getDiagnostics()).toMatchObject({ streams: 1, streamConsumers: 1 });
    view.unmount();
    await waitFor(() => {
      expect(serverSubscriptions()).toBe(0);
    });
    expect(session.client.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
  });

  it('shares one server subscription between components with the same request', async () => {
    function Page({ second }: { second: boolean }) {
      return (
        <>
          <Ticks symbol="R_100" label="first" />
          {second && <Ticks symbol="R_100" label="second" />}
        </>
      );
    }
    const view = render(inProvider(<Page second={false} />));
    await waitForLive('first', 'R_100');
    view.rerender(inProvider(<Page second />));
    // The newest tick at once: the later component never shows `pending`.
    expect(screen.getByTestId('second').textContent).toBe('live:R_100:fresh');
    expect(serverSubscriptions()).toBe(1);
    expect(sentCalls('ticks')).toBe(1);
    expect(session.client.getDiagnostics()).toMatchObject({ streams: 1, streamConsumers: 2 });
    view.rerender(inProvider(<Page second={false} />));
    expect(session.client.getDiagnostics()).toMatchObject({ streams: 1, streamConsumers: 1 });
    expect(sentCalls('forget')).toBe(0);
    view.unmount();
    await waitFor(() => {
      expect(serverSubscriptions()).toBe(0);
    });
  });

  it('re-subscribes when the request changes, and a null request is idle', async () => {
    function Picker() {
      const [symbol, setSymbol] = useState<'R_100' | 'R_50' | null>('R_100');
      return (
        <>
          <Ticks symbol={symbol} />
          <button
            onClick={() => {
              setSymbol('R_50');
            }}
          >
            R_50
          </button>
          <button
            onClick={() => {
              setSymbol(null);
            }}
          >
            none
          </button>
        </>
      );
    }
    render(inProvider(<Picker />));
    await waitForLive('ticks', 'R_100');
    fireEvent.click(screen.getByText('R_50'));
    await waitForLive('ticks', 'R_50');
    await waitFor(() => {
      expect(sentCalls('forget')).toBe(1);
    });
    expect(serverSubscriptions()).toBe(1);
    expect(
      server.received
        .filter((message) => message.call === 'ticks')
        .map((message) => (message.message as { ticks?: string }).ticks),
    ).toEqual(['R_100', 'R_50']);
    fireEvent.click(screen.getByText('none'));
    expect(screen.getByTestId('ticks').textContent).toBe('idle:-:fresh');
    await waitFor(() => {
      expect(serverSubscriptions()).toBe(0);
    });
  });

  it('enabled: false subscribes to nothing', async () => {
    function Disabled() {
      const { status } = useStream({ ticks: 'R_100' }, { enabled: false });
      return <p>{status}</p>;
    }
    render(inProvider(<Disabled />));
    await screen.findByText('idle');
    await act(async () => {
      await session.client.send({ ping: 1 });
    });
    expect(sentCalls('ticks')).toBe(0);
  });

  it('shows a refused subscription as an error', async () => {
    function Refused() {
      const { status, error } = useStream({ ticks: 'NOT_A_SYMBOL' });
      return <p>{status === 'error' && isDerivApiError(error) ? error.code : status}</p>;
    }
    render(inProvider(<Refused />));
    await screen.findByText('InvalidSymbol');
  });

  it('marks a gap while reconnecting, then shows fresh ticks again on one subscription', async () => {
    const seen: UseStreamResult<unknown>[] = [];
    render(inProvider(<Ticks symbol="R_100" seen={seen} />));
    await waitForLive('ticks', 'R_100');
    await act(async () => {
      await server.restart();
    });
    await waitFor(() => {
      expect(seen.some((result) => result.gap && result.status === 'live')).toBe(true);
    });
    const gapAt = seen.findIndex((result) => result.gap);
    await waitForLive('ticks', 'R_100');
    expect(seen.slice(gapAt).at(-1)).toMatchObject({ status: 'live', gap: false });
    expect(serverSubscriptions()).toBe(1);
  });

  it('a balance mounted before login shows not_authorized, then goes live once authorized', async () => {
    function Balance() {
      const { status, latest, error } = useStream({ balance: 1, subscribe: 1 });
      const text =
        status === 'error'
          ? isDerivSessionError(error)
            ? error.code
            : error.message
          : `${status}:${latest?.balance?.loginid ?? '-'}`;
      return <p data-testid="balance">{text}</p>;
    }
    render(inProvider(<Balance />));
    await waitFor(() => {
      expect(screen.getByTestId('balance').textContent).toBe('not_authorized');
    });
    const { accounts } = await server.login({ appId: 1089, user: 'john' });
    session.setAccounts(accounts);
    await act(async () => {
      await session.authorize('CR799393');
    });
    await waitFor(() => {
      expect(screen.getByTestId('balance').textContent).toBe('live:CR799393');
    });
    expect(serverSubscriptions()).toBe(1);
  });

  it('follows the live balance of the authorized account, through buy and a switch', async () => {
    const { accounts } = await server.login({ appId: 1089, user: 'john' });
    session.setAccounts(accounts);
    await act(async () => {
      await session.authorize('CR799393');
    });
    function Balance() {
      const { status, latest, error } = useStream({ balance: 1, subscribe: 1 });
      if (status === 'error')
        return <p>{isDerivSessionError(error) ? error.code : error.message}</p>;
      return (
        <p data-testid="balance">{`${status}:${latest?.balance?.loginid ?? '-'}:${String(latest?.balance?.balance ?? '-')}`}</p>
      );
    }
    render(inProvider(<Balance />));
    await waitFor(() => {
      expect(screen.getByTestId('balance').textContent).toMatch(/^live:CR799393:\d/);
    });
    const before = screen.getByTestId('balance').textContent;
    await act(async () => {
      await session.send({
        buy: '1',
        price: 25,
        parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
      });
    });
    await waitFor(() => {
      expect(screen.getByTestId('balance').textContent).not.toBe(before);
    });
    await act(async () => {
      await session.switchAccount('VRTC1859315');
    });
    await waitFor(() => {
      expect(screen.getByTestId('balance').textContent).toMatch(/^live:VRTC1859315:\d/);
    });
    expect(serverSubscriptions()).toBe(1);
  });
});
