/**
 * The browser shape of a WebSocket for Node tests: `ws` behind only the WHATWG members
 * (addEventListener, send, close, readyState), so the client's non-EventEmitter path runs.
 */
import WebSocket from 'ws';
import type { WebSocketEventLike, WebSocketLike } from '../webSocketLike.js';

export class EventTargetWebSocket implements WebSocketLike {
  readonly #socket: WebSocket;

  constructor(url: string) {
    this.#socket = new WebSocket(url);
  }

  get readyState(): number {
    return this.#socket.readyState;
  }

  send(data: string): void {
    this.#socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.#socket.close(code, reason);
  }

  addEventListener(type: string, listener: (event: WebSocketEventLike) => void): void {
    this.#socket.addEventListener(type as 'message', listener);
  }

  removeEventListener(type: string, listener: (event: WebSocketEventLike) => void): void {
    this.#socket.removeEventListener(type as 'message', listener);
  }
}
