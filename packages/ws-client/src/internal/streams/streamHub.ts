import { CALL_REQUIREMENTS, getCallName } from '@deriv-auth/core';
import { isDerivConnectionError } from '../../derivConnectionError.js';
import { DerivSessionError } from '../../derivSessionError.js';
import type { DerivRequest, DerivResponse, SendOptions } from '../../messageTypes.js';
import type { StreamOptions } from '../../streamTypes.js';
import type { ReplyEnvelope } from '../requestManager.js';
import { STREAM_GAP, StreamConsumer, type ConsumerHost } from './streamConsumer.js';

/** Sends the subscribe request (the client's `send`, or the session's scope-checked one). */
export type StreamSend = (request: DerivRequest, options?: SendOptions) => Promise<unknown>;

/** What the hub needs of the transport, and nothing more. */
export interface StreamHubHost {
  /** The `req_id` the next request will get (read around a send to learn its id). */
  readonly nextReqId: number;
  readonly isTerminal: boolean;
  request(request: DerivRequest, options: SendOptions | undefined): Promise<DerivResponse>;
  noteListenerError(): void;
}

/**
 * One server subscription and its consumers. `subscribing`: the subscribe request is queued or in
 * flight; `live`: confirmed; `lost`: its socket died, re-subscribed when the gate opens again;
 * `ended`: gone (its consumers were ended or all left).
 */
class SharedStream implements ConsumerHost {
  id: string | undefined;
  reqId: number | undefined;
  state: 'subscribing' | 'live' | 'lost' | 'ended' = 'subscribing';
  last: unknown;
  /** Whether the current subscribe request got its first reply. */
  confirmed = false;
  readonly consumers = new Set<StreamConsumer>();
  /** Settles when the current subscribe request did. */
  subscribed: Promise<unknown> = Promise.resolve();

  // `declare`: assigned once here, no class-field initializers to ship.
  declare readonly hub: StreamHub;
  declare readonly key: string;
  declare readonly request: DerivRequest;
  declare readonly accountBound: boolean;

  constructor(hub: StreamHub, key: string, request: DerivRequest, accountBound: boolean) {
    this.hub = hub;
    this.key = key;
    this.request = request;
    this.accountBound = accountBound;
  }

  leave(consumer: StreamConsumer): Promise<void> {
    return this.hub.leave(this, consumer);
  }
  listenerThrew(): void {
    this.hub.host.noteListenerError();
  }
  deliver(item: unknown): void {
    // After a gap the newest message is stale: nothing is replayed until the next one.
    this.last = item === STREAM_GAP ? undefined : item;
    for (const consumer of this.consumers) consumer.push(item);
  }
}

const subscriptionIdOf = (reply: ReplyEnvelope): string | undefined => {
  const subscription = reply['subscription'] as { id?: unknown } | undefined;
  return typeof subscription?.id === 'string' ? subscription.id : undefined;
};

/**
 * Every stream of one client: identical requests share one server subscription, replies are routed
 * to it by `req_id` (Deriv repeats the subscribe request's) or subscription id, and a lost socket
 * re-subscribes each live stream, in order, once the next socket is authorized.
 */
export class StreamHub {
  readonly host: StreamHubHost;
  readonly #byKey = new Map<string, SharedStream>();
  readonly #byReqId = new Map<number, SharedStream>();
  readonly #byId = new Map<string, SharedStream>();

  constructor(host: StreamHubHost) {
    this.host = host;
  }

  /** Opens a consumer of `request`, sharing a live subscription of the same request. */
  open(
    request: DerivRequest,
    options: StreamOptions | undefined,
    send: StreamSend,
  ): StreamConsumer {
    const {
      req_id: _reqId,
      passthrough: _passthrough,
      ...rest
    } = request as Record<string, unknown>;
    const subscribeRequest = { ...rest, subscribe: 1 };
    const key = JSON.stringify(subscribeRequest);
    let stream = this.#byKey.get(key);
    const fresh = !stream;
    if (!stream) {
      const requirement = CALL_REQUIREMENTS[getCallName(request) as string];
      stream = new SharedStream(this, key, subscribeRequest, requirement?.authRequired !== false);
      this.#byKey.set(key, stream);
    }
    const consumer = new StreamConsumer(stream, options?.buffer);
    stream.consumers.add(consumer);
    if (fresh) this.#subscribe(stream, send);
    return consumer;
  }

  #subscribe(stream: SharedStream, send: StreamSend): void {
    const before = this.host.nextReqId;
    const promise = send(stream.request);
    const reqId = this.host.nextReqId > before ? before : undefined;
    stream.state = 'subscribing';
    stream.confirmed = false;
    stream.reqId = reqId;
    if (reqId !== undefined) this.#byReqId.set(reqId, stream);
    stream.subscribed = promise.then(undefined, (error: unknown) => {
      if (stream.reqId !== reqId) return; // the socket was lost meanwhile and lost() took over
      this.#unroute(stream);
      if (stream.state === 'ended' || stream.consumers.size === 0) {
        this.#end(stream);
        return;
      }
      if (
        isDerivConnectionError(error) &&
        error.code === 'connection_lost' &&
        !this.host.isTerminal
      ) {
        stream.state = 'lost';
        stream.deliver(STREAM_GAP);
        return;
      }
      // Every rejection of the client's and the session's send is an Error.
      this.#end(stream, error as Error);
    });
  }

  /**
   * A reply arrived: delivers it to its stream. Returns `true` when the stream took it, `false`
   * when a waiting request must settle with it too (the subscription's first reply) or it is not
   * a stream's.
   */
  take(reqId: number | undefined, reply: ReplyEnvelope): boolean {
    // Deriv repeats the subscribe request's `req_id` on every update: the id is read only when
    // that misses (or for the first reply), which keeps a tick's routing to one Map lookup.
    let stream = reqId === undefined ? undefined : this.#byReqId.get(reqId);
    if (!stream) {
      const id = subscriptionIdOf(reply);
      stream = id === undefined ? undefined : this.#byId.get(id);
      if (!stream) return false;
    }
    if (reqId === stream.reqId && !stream.confirmed) {
      // The first reply: it settles the subscribe request too. A stream that ended meanwhile
      // keeps the id so that its `forget` can name it.
      stream.confirmed = true;
      const id = subscriptionIdOf(reply);
      if (id !== undefined) {
        stream.id = id;
        this.#byId.set(id, stream);
      }
      if (stream.state === 'subscribing') {
        stream.state = 'live';
        stream.deliver(reply);
      }
      return false;
    }
    if (stream.state === 'live') stream.deliver(reply);
    return true;
  }

  /** A server error naming a live stream's `req_id` ends that stream. */
  fail(reqId: number | undefined, error: Error): boolean {
    const stream = reqId === undefined ? undefined : this.#byReqId.get(reqId);
    if (stream?.state !== 'live') return false;
    this.#unroute(stream);
    this.#end(stream, error);
    return true;
  }

  /** The consumer leaves; the last one sends `forget` once the subscription is known. */
  leave(stream: SharedStream, consumer: StreamConsumer): Promise<void> {
    if (!stream.consumers.delete(consumer) || stream.consumers.size > 0) return Promise.resolve();
    if (stream.state !== 'lost') return this.#forget(stream);
    this.#end(stream);
    return Promise.resolve();
  }

  /**
   * Waits for the subscribe request, then forgets its subscription (if the socket still has it),
   * unless a consumer of the same request came back meanwhile (React StrictMode mounts twice):
   * that one keeps the subscription instead of getting `AlreadySubscribed` for a new one.
   */
  #forget(stream: SharedStream): Promise<void> {
    // Routed until `forget` is answered: updates already on the wire are taken, not dropped.
    const unroute = (): undefined => {
      this.#unroute(stream);
      return undefined;
    };
    return stream.subscribed.then(() => {
      if (stream.consumers.size > 0) return undefined;
      const id = stream.id;
      this.#end(stream);
      if (id !== undefined && !this.host.isTerminal)
        return this.host.request({ forget: id }, undefined).then(unroute, unroute);
      unroute();
      return undefined;
    }, unroute);
  }

  /** The socket is gone: live subscriptions died with it; their consumers get a gap marker. */
  lost(): void {
    for (const stream of this.#byKey.values()) {
      if (stream.state !== 'live') continue;
      this.#unroute(stream);
      stream.state = 'lost';
      stream.deliver(STREAM_GAP);
    }
  }

  /** The gate opened on an authorized socket: re-subscribes every lost stream, oldest first. */
  ready(): void {
    for (const stream of this.#byKey.values())
      if (stream.state === 'lost')
        this.#subscribe(stream, (request) => this.host.request(request, undefined));
  }

  /** A new identity (switch, logout): streams bound to the account end with `account_switched`. */
  identityChanged(): void {
    for (const stream of [...this.#byKey.values()])
      if (stream.accountBound) {
        this.#end(
          stream,
          new DerivSessionError('account_switched', "The stream's account is no longer active."),
        );
        // A lost stream has no id left: nothing is sent for it.
        void this.#forget(stream);
      }
  }

  /** The client closed: every stream ends with `error`. */
  terminate(error: Error): void {
    for (const stream of [...this.#byKey.values()]) this.#end(stream, error);
  }

  /** Ends `stream`; its consumers (if any are left) fail with `error`. */
  #end(stream: SharedStream, error?: Error): void {
    if (this.#byKey.get(stream.key) === stream) this.#byKey.delete(stream.key);
    stream.state = 'ended';
    const consumers = [...stream.consumers];
    stream.consumers.clear();
    for (const consumer of consumers) consumer.fail(error as Error);
  }

  #unroute(stream: SharedStream): void {
    if (stream.reqId !== undefined) this.#byReqId.delete(stream.reqId);
    if (stream.id !== undefined) this.#byId.delete(stream.id);
    stream.reqId = undefined;
    stream.id = undefined;
  }

  /** Server subscriptions held (live, subscribing or waiting to re-subscribe). */
  get size(): number {
    return this.#byKey.size;
  }

  /** Consumers of every stream. */
  get consumers(): number {
    let count = 0;
    for (const stream of this.#byKey.values()) count += stream.consumers.size;
    return count;
  }
}
