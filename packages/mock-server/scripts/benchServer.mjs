// Child process of bench.mjs: runs either the mock server or a bare `ws` echo server, reports its
// port over IPC, and answers { type: 'stats' } with connection count and memory.
import { WebSocketServer } from 'ws';
import { startMockServer } from '../dist/index.js';

const kind = process.argv[2];

if (kind === 'mock') {
  const server = await startMockServer();
  process.on('message', (message) => {
    if (message.type === 'login') {
      server
        .login({ appId: 1089, user: 'john' })
        .then(({ accounts }) => process.send({ type: 'login', token: accounts[0].token }));
    }
    if (message.type === 'stats') {
      const connections = server.connections();
      process.send({
        type: 'stats',
        connections: connections.length,
        authorized: connections.filter((connection) => connection.loginid !== undefined).length,
        rss: process.memoryUsage().rss,
        cpu: process.cpuUsage(),
      });
    }
  });
  process.send({ type: 'ready', url: `${server.wsUrl}?app_id=1089` });
} else {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  server.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  server.on('listening', () => {
    process.on('message', (message) => {
      if (message.type === 'stats')
        process.send({
          type: 'stats',
          connections: server.clients.size,
          rss: process.memoryUsage().rss,
          cpu: process.cpuUsage(),
        });
    });
    process.send({ type: 'ready', url: `ws://127.0.0.1:${server.address().port}/` });
  });
}
