#!/usr/bin/env node
/**
 * `deriv-mock-server [--port 8080] [--host 127.0.0.1] [--app 1089=http://localhost:5173/redirect]...
 * [--idle-timeout 120000] [--auto-approve] [--allow-host NAME]...`: starts the mock server, prints its URLs, closes cleanly on Ctrl-C.
 * @module
 */
import { runCli, USAGE } from './internal/runCli.js';

runCli(process.argv.slice(2), (text) => {
  console.log(text);
}).then(
  (server) => {
    if (server === undefined) return;
    const stop = (): void => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exit(1);
  },
);
