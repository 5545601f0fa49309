// Minimal typings for Deriv's own client (the package ships none), enough for the interop test.
declare module '@deriv/deriv-api/dist/DerivAPIBasic.js' {
  interface DerivApiResponse {
    readonly msg_type: string;
    readonly req_id?: number;
    readonly echo_req: Record<string, unknown>;
    readonly [field: string]: unknown;
  }
  export default class DerivAPIBasic {
    constructor(options: { connection: unknown });
    authorize(token: string | Record<string, unknown>): Promise<DerivApiResponse>;
    ping(): Promise<DerivApiResponse>;
    balance(request?: Record<string, unknown>): Promise<DerivApiResponse>;
    send(request: Record<string, unknown>): Promise<DerivApiResponse>;
    logout(): Promise<DerivApiResponse>;
    disconnect(): Promise<void>;
  }
}
