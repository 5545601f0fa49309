/**
 * Answers of the calls the mock server serves. Each handler receives a request that already passed
 * schema validation and the auth and scope checks, and returns the reply body or a Deriv error.
 */
import { CALL_REQUIREMENTS } from '@deriv-auth/core';
import type { CallContext, CallOutcome } from './callTypes.js';
import type { MockState, TokenRecord } from './mockState.js';
import { ticksHandler } from './tickStreams.js';
import {
  subscriptionLimit,
  authorizationRequired,
  type DerivWireError,
  type Subscription,
} from './session.js';
import { buildAuthorizeResponse, buildSettings, buildWebsiteStatus } from './responseBuilders.js';

export type { CallContext, CallOutcome } from './callTypes.js';

type CallHandler = (context: CallContext) => CallOutcome;

const invalidToken: DerivWireError = { code: 'InvalidToken', message: 'The token is invalid.' };
const wrongApp: DerivWireError = {
  code: 'InvalidToken',
  message: 'Token is not valid for current app ID.',
};

function checkToken(state: MockState, token: unknown, appId: number): TokenRecord | DerivWireError {
  const record = typeof token === 'string' ? state.tokens.get(token) : undefined;
  if (record === undefined || record.revoked) return invalidToken;
  if (record.appId !== appId) return wrongApp;
  return record;
}

function subscribeIfAsked(
  context: CallContext,
  call: string,
  loginid: string | undefined,
): Subscription | DerivWireError | undefined {
  if (context.request['subscribe'] !== 1) return undefined;
  if (context.session.subscriptions.size >= subscriptionLimit.max) return subscriptionLimit.error;
  const subscription = context.session.addSubscription(
    call,
    loginid,
    context.echoRequest,
    context.request['req_id'],
  );
  return (
    subscription ?? { code: 'AlreadySubscribed', message: `You are already subscribed to ${call}.` }
  );
}

/** The outcome of a streamable call: the body, plus `subscription: { id }` when one was opened. */
function withSubscription(
  body: Record<string, unknown>,
  subscription: Subscription | undefined,
): CallOutcome {
  if (subscription === undefined) return { body };
  body['subscription'] = { id: subscription.id };
  return { body, subscription };
}

const authorize: CallHandler = ({ request, state, session, appId }) => {
  const main = checkToken(state, request['authorize'], appId);
  if ('code' in main) return { error: main };
  const extra: TokenRecord[] = [];
  for (const token of (request['tokens'] as readonly string[] | undefined) ?? []) {
    const record = checkToken(state, token, appId);
    if ('code' in record) return { error: record };
    if (record.userId !== main.userId) return { error: invalidToken };
    extra.push(record);
  }
  session.authorize(main, extra);
  return { body: { authorize: buildAuthorizeResponse(state, main) } };
};

const logout: CallHandler = ({ request, state, session }) => {
  const loginid = request['loginid'] as string | undefined;
  for (const record of session.signOut(loginid)) state.revokeToken(record.token);
  // Signed out: the account's streams end; market streams (ticks) need no account and go on.
  if (session.active === undefined)
    for (const [id, subscription] of session.subscriptions)
      if (CALL_REQUIREMENTS[subscription.call]?.authRequired !== false)
        session.subscriptions.delete(id);
  return { body: { logout: 1 } };
};

function balanceAccounts(context: CallContext): Record<string, unknown> {
  const accounts: Record<string, unknown> = {};
  for (const record of context.session.authorized.values()) {
    const entry = context.state.accounts.get(record.loginid);
    const amount = context.state.getBalance(record.loginid);
    accounts[record.loginid] = {
      balance: amount,
      converted_amount: amount,
      currency: entry?.account.currency ?? '',
      demo_account: entry?.account.isVirtual === true ? 1 : 0,
      status: 1,
      type: 'deriv',
    };
  }
  return accounts;
}

const balance: CallHandler = (context) => {
  const requested = context.request['account'];
  // `account: CR...` names an account authorized on this connection; `all` adds every one of them.
  const account =
    typeof requested === 'string' && requested !== 'all' && requested !== 'current'
      ? context.session.authorized.get(requested)
      : context.account;
  if (account === undefined) {
    return { error: authorizationRequired };
  }
  const subscription = subscribeIfAsked(context, 'balance', account.loginid);
  if (subscription !== undefined && 'code' in subscription) return { error: subscription };
  const entry = context.state.accounts.get(account.loginid);
  const body: Record<string, unknown> = {
    balance: {
      balance: context.state.getBalance(account.loginid),
      currency: entry?.account.currency ?? '',
      loginid: account.loginid,
      ...(requested === 'all' ? { accounts: balanceAccounts(context) } : {}),
      ...(subscription === undefined ? {} : { id: subscription.id }),
    },
  };
  return withSubscription(body, subscription);
};

const websiteStatus: CallHandler = (context) => {
  const subscription = subscribeIfAsked(context, 'website_status', undefined);
  if (subscription !== undefined && 'code' in subscription) return { error: subscription };
  const body: Record<string, unknown> = { website_status: buildWebsiteStatus() };
  return withSubscription(body, subscription);
};

const forgetAll: CallHandler = ({ request, session }) => {
  const types = request['forget_all'];
  return {
    body: {
      forget_all: session.forgetAll(Array.isArray(types) ? (types as string[]) : [types as string]),
    },
  };
};

const forget: CallHandler = ({ request, session }) => ({
  body: { forget: session.subscriptions.delete(request['forget'] as string) ? 1 : 0 },
});

const apiToken: CallHandler = ({ request }) => {
  const body: Record<string, unknown> = { tokens: [] };
  if (request['new_token'] !== undefined) body['new_token'] = 1;
  if (request['delete_token'] !== undefined) body['delete_token'] = 1;
  return { body: { api_token: body } };
};

let nextContractId = 100_000_000;

/** Contracts bought on this server, by id: what `proposal_open_contract` reports. */
const boughtContracts = new Map<
  number,
  { loginid: string; price: number; bought: number; sold?: boolean }
>();

/** `sell`: sells a contract bought here at its buy price, crediting the balance (balance streams see it). */
const sell: CallHandler = ({ request, state, account }) => {
  if (account === undefined) return { error: authorizationRequired };
  const contractId = request['sell'];
  const contract = typeof contractId === 'number' ? boughtContracts.get(contractId) : undefined;
  if (contract === undefined || contract.loginid !== account.loginid || contract.sold === true)
    return {
      error: { code: 'InvalidSellContractProposal', message: 'This contract cannot be sold.' },
    };
  contract.sold = true;
  const after = Math.round((state.getBalance(account.loginid) + contract.price) * 100) / 100;
  state.setBalance(account.loginid, after);
  return {
    body: {
      sell: {
        balance_after: after,
        contract_id: contractId,
        reference_id: (contractId as number) * 3,
        sold_for: contract.price,
        transaction_id: (contractId as number) * 4,
      },
    },
  };
};

/** `proposal_open_contract` for a contract bought here; a stream with `subscribe: 1`. */
const proposalOpenContract: CallHandler = (context) => {
  const { request, account } = context;
  if (account === undefined) return { error: authorizationRequired };
  const contractId = request['contract_id'];
  const contract = typeof contractId === 'number' ? boughtContracts.get(contractId) : undefined;
  if (contract === undefined || contract.loginid !== account.loginid)
    return { error: { code: 'ContractNotFound', message: 'This contract was not found.' } };
  // Keyed by contract: one stream per contract, not per account.
  const subscription = subscribeIfAsked(
    context,
    'proposal_open_contract',
    `${account.loginid}/${String(contractId)}`,
  );
  if (subscription !== undefined && 'code' in subscription) return { error: subscription };
  const body: Record<string, unknown> = {
    proposal_open_contract: {
      buy_price: contract.price,
      contract_id: contractId,
      currency: context.state.accounts.get(account.loginid)?.account.currency ?? '',
      date_start: contract.bought,
      is_sold: 0,
      status: 'open',
      underlying: 'R_100',
      ...(subscription === undefined ? {} : { id: subscription.id }),
    },
  };
  return withSubscription(body, subscription);
};

const buy: CallHandler = ({ request, state, account }) => {
  if (account === undefined) return { error: authorizationRequired };
  const price = request['price'] as number;
  const before = state.getBalance(account.loginid);
  if (price > before) {
    return {
      error: {
        code: 'InsufficientBalance',
        message: 'Your account balance is insufficient to buy this contract.',
      },
    };
  }
  const after = Math.round((before - price) * 100) / 100;
  state.setBalance(account.loginid, after);
  const now = Math.floor(Date.now() / 1000);
  nextContractId += 1;
  boughtContracts.set(nextContractId, { loginid: account.loginid, price, bought: now });
  return {
    body: {
      buy: {
        balance_after: after,
        buy_price: price,
        contract_id: nextContractId,
        longcode: 'Mock contract bought from the Deriv mock server.',
        payout: Math.round(price * 195) / 100,
        purchase_time: now,
        shortcode: `CALL_R_100_${price}_${now}_5T_S0P_0`,
        start_time: now,
        transaction_id: nextContractId * 2,
      },
    },
  };
};

/** Handlers by call name: the calls this server answers. */
export const callHandlers: Readonly<Record<string, CallHandler>> = {
  authorize,
  logout,
  ping: () => ({ body: { ping: 'pong' } }),
  time: () => ({ body: { time: Math.floor(Date.now() / 1000) } }),
  balance,
  get_settings: ({ state, account }) => ({ body: { get_settings: buildSettings(state, account) } }),
  website_status: websiteStatus,
  forget_all: forgetAll,
  forget,
  api_token: apiToken,
  buy,
  ticks: ticksHandler,
  sell,
  proposal_open_contract: proposalOpenContract,
};
