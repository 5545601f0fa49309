import type { DerivClientEvent } from '../options.js';
import { decodeReply, type Scrubber } from './decodeReply.js';
import type { RequestManager } from './requestManager.js';
import type { StreamHub } from './streams/streamHub.js';

type DropReason = Extract<DerivClientEvent, { type: 'ignored_message' }>['reason'];

/** What {@link routeReply} needs of the transport, and nothing more. */
export interface ReplyRouterHost {
  readonly requests: RequestManager;
  readonly secrets: Scrubber;
  /** The client's streams, once one was opened. */
  readonly streamHub: StreamHub | undefined;
  /** Counts a frame nobody waits for (`droppedMessages`) and reports it (`ignored_message`). */
  dropped(reason: DropReason): void;
  /** Closes the client for good with `error` (a fatal server error). */
  terminate(error: Error): Promise<void>;
}

/**
 * Hands one text frame to the request it answers. Never throws (it runs in the socket's
 * listener): {@link decodeReply} turns any frame into a reply, an error for the request it names,
 * or a dropped frame.
 */
export function routeReply(host: ReplyRouterHost, text: string): void {
  const decoded = decodeReply(text, host.secrets);
  if (decoded.kind === 'ignored') {
    host.dropped(decoded.reason);
    return;
  }
  if (decoded.kind === 'error' && decoded.fatal) {
    // InvalidAppID: the server closes the socket and every retry would fail the same way.
    void host.terminate(decoded.error);
    return;
  }
  // Stream updates go to their stream; a subscription's first reply also settles its request.
  const streams = host.streamHub;
  if (
    streams &&
    (decoded.kind === 'reply'
      ? streams.take(decoded.reqId, decoded.reply)
      : streams.fail(decoded.reqId, decoded.error))
  )
    return;
  const handled =
    decoded.kind === 'error'
      ? host.requests.settleById(decoded.reqId, decoded.error)
      : host.requests.settleById(decoded.reqId, undefined, decoded.reply);
  if (!handled) host.dropped(decoded.reqId === undefined ? 'no_req_id' : 'unknown_req_id');
}
