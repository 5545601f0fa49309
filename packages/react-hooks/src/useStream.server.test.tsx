// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { createDerivSession, createMemoryStorage } from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';
import { DerivProvider } from './DerivProvider.js';
import { useStream } from './useStream.js';

function Streams() {
  const ticks = useStream({ ticks: 'R_100' });
  const none = useStream(null);
  return <p>{`${ticks.status} ${none.status}`}</p>;
}

describe('useStream in a server render', () => {
  it('renders pending (idle without a request) and opens nothing', async () => {
    const session = createDerivSession({ client: { appId: 1089 }, storage: createMemoryStorage() });
    const html = renderToString(
      <DerivProvider session={session}>
        <Streams />
      </DerivProvider>,
    );
    expect(html).toBe('<p>pending idle</p>');
    expect(session.getSnapshot().connection).toBe('idle');
    expect(session.client.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
    await session.close();
  });
});
