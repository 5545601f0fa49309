/** What a New API REST route works with: the checked request and how to answer it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NewApiContext } from './newApiContext.js';
import type { AccessRecord } from './newApiTokens.js';

/** One REST error as it goes into `errors`. */
export interface RestError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** What a route needs to answer. */
export interface RestExchange {
  readonly context: NewApiContext;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly grant: AccessRecord;
  /** Sends `{ data, meta }` or the error envelope, CORS headers and `meta` filled in. */
  readonly reply: (status: number, data: unknown) => void;
  readonly fail: (error: RestError, headers?: Record<string, string>) => void;
}
