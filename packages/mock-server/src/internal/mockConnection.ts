/**
 * One WebSocket connection: parses requests, applies Deriv's rules (validation, auth, scopes, rate
 * limit), runs the call handler, and sends the reply through any injected fault.
 */
import type { Duplex } from 'node:stream';
import { CALL_REQUIREMENTS, isCallAllowed } from '@deriv-auth/core';
import type { RawData, WebSocket } from 'ws';
import type { MockRateLimit } from '../types.js';
import { callHandlers, type CallOutcome } from './callHandlers.js';
import type { FaultRegistry } from './faultRegistry.js';
import type { MockState, TokenRecord } from './mockState.js';
import type { JsonSchema } from './validateRequest.js';
import type { NewApiEndpoint } from './newApiCalls.js';
import type { ReceivedLog } from './receivedLog.js';
import { RateLimiter } from './rateLimiter.js';
import { findValidationError, prepareRequest, readRequestFrame } from './requestFrame.js';
import { buildTick } from './tickStreams.js';
import { Session, type DerivWireError } from './session.js';

/** What every connection shares with its server. */
export interface ConnectionContext {
  readonly state: MockState;
  readonly faults: FaultRegistry;
  readonly log: ReceivedLog;
  readonly rateLimit: MockRateLimit | false;
}

export class MockConnection {
  readonly session = new Session();
  /** `Date.now()` of the last message received; the server's idle sweep reads it. */
  lastActivity = Date.now();
  private corked = false;
  private readonly rateLimiter: RateLimiter;

  constructor(
    readonly id: string,
    readonly appId: number,
    readonly socket: WebSocket,
    private readonly transport: Duplex,
    private readonly context: ConnectionContext,
    /** A New API socket: its own call rules; undefined for the legacy `/websockets/v3`. */
    readonly endpoint?: NewApiEndpoint,
  ) {
    this.rateLimiter = new RateLimiter(context.rateLimit);
    if (endpoint?.record !== undefined) this.session.authorize(endpoint.record, []);
    socket.on('message', (data, isBinary) => {
      this.onMessage(data, isBinary);
    });
    socket.on('close', () => {
      this.session.subscriptions.clear();
    });
  }

  /**
   * Replies to requests that arrived in one TCP read leave in one write: the transport is corked
   * while this tick's messages are handled and uncorked right after (no added latency).
   */
  private corkUntilNextTick(): void {
    if (this.corked) return;
    this.corked = true;
    this.transport.cork();
    process.nextTick(this.uncork);
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.transport.uncork();
  };

  /** Sends a JSON message if the socket is still open. */
  send(message: Record<string, unknown>): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const now = Date.now();
    this.lastActivity = now;
    this.corkUntilNextTick();
    const frame = readRequestFrame(isBinary ? undefined : rawText(data));
    if ('refused' in frame) {
      this.context.log.add({ connectionId: this.id, at: now, message: frame.logText });
      this.send({
        echo_req: {},
        error: frame.refused,
        msg_type: 'error',
        ...(frame.reqId === undefined ? {} : { req_id: frame.reqId }),
      });
      return;
    }
    this.handle(frame.request, now);
  }

  private handle(request: Record<string, unknown>, now: number): void {
    const { call, redacted, echoRequest, schema } = prepareRequest(request);
    this.context.log.add(
      call === undefined
        ? { connectionId: this.id, at: now, message: redacted }
        : { connectionId: this.id, at: now, call, message: redacted },
    );
    const { faults } = this.context;
    if (faults.size > 0) {
      const arrival = faults.takeCallFault(['drop', 'close'], this.id, call);
      if (arrival?.type === 'drop') {
        // Answers already given in this tick leave first, as they would without corking.
        if (this.corked) this.uncork();
        this.socket.terminate();
        return;
      }
      if (arrival?.type === 'close') {
        this.socket.close(arrival.code, arrival.reason);
        return;
      }
    }
    const outcome =
      call === undefined
        ? { error: unrecognised }
        : this.endpoint === undefined
          ? this.run(call, schema, request, echoRequest)
          : this.endpoint.run({
              call,
              request,
              echoRequest,
              schema,
              state: this.context.state,
              session: this.session,
              rateLimiter: this.rateLimiter,
            });
    this.reply(call, request, echoRequest, outcome);
  }

  private run(
    call: string,
    schema: JsonSchema | undefined,
    request: Record<string, unknown>,
    echoRequest: Record<string, unknown>,
  ): CallOutcome {
    const invalid = findValidationError(request, schema);
    if (invalid !== undefined) return { error: invalid };
    const limited = this.rateLimiter.take(call, Date.now());
    if (limited !== undefined) return { error: limited };
    const requirement = CALL_REQUIREMENTS[call];
    let account: TokenRecord | undefined;
    if (requirement?.authRequired === true) {
      const resolved = this.session.resolveAccount(request['loginid']);
      if ('code' in resolved) return { error: resolved };
      if (!isCallAllowed(call, resolved.scopes)) {
        return {
          error: {
            code: 'PermissionDenied',
            message: `Permission denied, requires ${requirement.scopes.join(' or ')} scope.`,
          },
        };
      }
      account = resolved;
    }
    const handler = Object.hasOwn(callHandlers, call) ? callHandlers[call] : undefined;
    // A real Deriv call this server does not implement: the auth and scope rules above still apply.
    if (handler === undefined)
      return {
        error: {
          code: 'UnrecognisedRequest',
          message: `The mock server does not implement ${call}.`,
        },
      };
    return handler({
      request,
      echoRequest,
      state: this.context.state,
      session: this.session,
      appId: this.appId,
      account,
    });
  }

  private reply(
    call: string | undefined,
    request: Record<string, unknown>,
    echoRequest: Record<string, unknown>,
    outcome: CallOutcome,
  ): void {
    // Deriv answers `ticks` with `msg_type: 'tick'`; every other call with its own name.
    const msgType = call === 'ticks' ? 'tick' : (call ?? 'error');
    const message: Record<string, unknown> = { echo_req: echoRequest, msg_type: msgType };
    if ('error' in outcome) message['error'] = outcome.error;
    else Object.assign(message, outcome.body);
    if (echoRequest['passthrough'] !== undefined)
      message['passthrough'] = echoRequest['passthrough'];
    if (request['req_id'] !== undefined) message['req_id'] = request['req_id'];
    const { faults } = this.context;
    const fault =
      faults.size === 0
        ? undefined
        : faults.takeCallFault(['noAnswer', 'delay', 'malformed', 'unknownReqId'], this.id, call);
    switch (fault?.type) {
      case 'noAnswer':
        return;
      case 'delay':
        setTimeout(() => {
          this.send(message);
        }, fault.ms);
        return;
      case 'malformed':
        this.sendMalformed(call);
        return;
      case 'unknownReqId':
        message['req_id'] =
          typeof message['req_id'] === 'number' ? message['req_id'] + 1_000_000 : 999_999_999;
        break;
      default:
        break;
    }
    this.send(message);
  }

  /** Sends a frame that starts like a Deriv reply but is not JSON. */
  sendMalformed(call: string | undefined): void {
    if (this.socket.readyState === this.socket.OPEN)
      this.socket.send(`{"msg_type":"${call ?? 'error'}","echo_req":{`);
  }

  /** Pushes one tick to each of this connection's `ticks` subscriptions (unless stalled). */
  pushTicks(beat: number): void {
    if (this.context.faults.size > 0 && this.context.faults.stalls(this.id, 'ticks')) return;
    for (const subscription of this.session.subscriptions.values()) {
      if (subscription.call !== 'ticks' || subscription.loginid === undefined) continue;
      const message: Record<string, unknown> = {
        echo_req: subscription.echoRequest,
        msg_type: 'tick',
        subscription: { id: subscription.id },
        tick: buildTick(subscription.loginid, beat, subscription.id),
      };
      if (subscription.reqId !== undefined) message['req_id'] = subscription.reqId;
      this.send(message);
    }
  }

  /** Pushes a balance stream update to this connection's subscriptions on `loginid`. */
  notifyBalance(loginid: string, balance: number, currency: string): void {
    if (this.context.faults.size > 0 && this.context.faults.stalls(this.id, 'balance')) return;
    for (const subscription of this.session.subscriptions.values()) {
      if (subscription.call !== 'balance' || subscription.loginid !== loginid) continue;
      // A New API socket names its account by `account_id`, not the legacy login id.
      const shown = this.endpoint?.account?.accountId ?? loginid;
      const message: Record<string, unknown> = {
        balance: { balance, currency, id: subscription.id, loginid: shown },
        echo_req: subscription.echoRequest,
        msg_type: 'balance',
        subscription: { id: subscription.id },
      };
      if (subscription.reqId !== undefined) message['req_id'] = subscription.reqId;
      this.send(message);
    }
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

const unrecognised: DerivWireError = {
  code: 'UnrecognisedRequest',
  message: 'Unrecognised request.',
};
