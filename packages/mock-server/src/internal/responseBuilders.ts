/** Reply payloads shaped like Deriv's `receive.json` for authorize, get_settings and website_status. */
import type { MockState, TokenRecord } from './mockState.js';

const LANDING_COMPANY_FULLNAMES: Readonly<Record<string, string>> = {
  svg: 'Deriv (SVG) LLC',
  virtual: 'Deriv Limited',
  maltainvest: 'Deriv Investments (Europe) Limited',
};

const CREATED_AT = 1_647_509_550;

function landingCompanyOf(
  loginid: string,
  isVirtual: boolean,
  configured: string | undefined,
): string {
  return configured ?? (isVirtual || loginid.startsWith('VR') ? 'virtual' : 'svg');
}

/** The `authorize` object for a token's account, with the user's full account list. */
export function buildAuthorizeResponse(
  state: MockState,
  record: TokenRecord,
): Record<string, unknown> {
  const entry = state.accounts.get(record.loginid);
  if (entry === undefined) throw new Error(`Token for unknown account ${record.loginid}.`);
  const { user, account } = entry;
  const isVirtual = account.isVirtual === true;
  const landingCompany = landingCompanyOf(account.loginid, isVirtual, account.landingCompanyName);
  const userIndex = [...state.users.keys()].indexOf(user.id);
  return {
    account_list: user.accounts.map((item, index) => ({
      account_category: 'trading',
      account_type: 'binary',
      broker: item.loginid.replace(/[0-9]+$/u, ''),
      created_at: CREATED_AT + index * 86_400,
      currency: item.currency,
      currency_type: item.currency === 'BTC' ? 'crypto' : 'fiat',
      is_disabled: item.isDisabled === true ? 1 : 0,
      is_virtual: item.isVirtual === true ? 1 : 0,
      landing_company_name: landingCompanyOf(
        item.loginid,
        item.isVirtual === true,
        item.landingCompanyName,
      ),
      linked_to: [],
      loginid: item.loginid,
    })),
    balance: state.getBalance(account.loginid),
    country: user.country ?? 'id',
    currency: account.currency,
    email: user.email,
    fullname: user.fullname,
    is_virtual: isVirtual ? 1 : 0,
    landing_company_fullname: LANDING_COMPANY_FULLNAMES[landingCompany] ?? landingCompany,
    landing_company_name: landingCompany,
    linked_to: [],
    local_currencies: { IDR: { fractional_digits: 2 } },
    loginid: account.loginid,
    preferred_language: 'EN',
    scopes: [...record.scopes],
    upgradeable_landing_companies: ['svg'],
    user_id: 12_345_600 + Math.max(userIndex, 0),
  };
}

/** The `get_settings` object of the account's owner. */
export function buildSettings(
  state: MockState,
  record: TokenRecord | undefined,
): Record<string, unknown> {
  const entry = record === undefined ? undefined : state.accounts.get(record.loginid);
  const user = entry?.user;
  const [firstName = '', ...rest] = (user?.fullname ?? '').trim().split(/\s+/u);
  return {
    account_opening_reason: 'Speculative',
    address_city: 'Jakarta',
    address_line_1: '1 Mock Street',
    address_line_2: '',
    address_postcode: '10110',
    address_state: '',
    allow_copiers: 0,
    citizen: user?.country ?? 'id',
    country: 'Indonesia',
    country_code: user?.country ?? 'id',
    date_of_birth: 631_152_000,
    email: user?.email ?? '',
    email_consent: 1,
    feature_flag: { wallet: 0 },
    first_name: firstName,
    has_secret_answer: 1,
    immutable_fields: ['residence'],
    is_authenticated_payment_agent: 0,
    last_name: rest.join(' '),
    non_pep_declaration: 1,
    phone: '+62000000000',
    place_of_birth: user?.country ?? 'id',
    preferred_language: 'EN',
    request_professional_status: 0,
    residence: 'Indonesia',
    salutation: 'Mr',
    tax_identification_number: '',
    tax_residence: '',
    user_hash: 'mock',
  };
}

/** The `website_status` object, including the `api_call_limits` clients should read. */
export function buildWebsiteStatus(): Record<string, unknown> {
  return {
    api_call_limits: {
      max_proposal_subscription: { applies_to: 'subscribing to proposal concurrently', max: 5 },
      max_requestes_general: { applies_to: 'rest of calls', hourly: 14_400, minutely: 180 },
      max_requests_outcome: {
        applies_to: 'portfolio, statement and proposal',
        hourly: 1500,
        minutely: 25,
      },
      max_requests_pricing: {
        applies_to: 'proposal and proposal_open_contract',
        hourly: 3600,
        minutely: 80,
      },
    },
    broker_codes: ['CR', 'MF', 'VRTC'],
    clients_country: 'id',
    currencies_config: {
      BTC: {
        fractional_digits: 8,
        is_deposit_suspended: 0,
        is_suspended: 0,
        is_withdrawal_suspended: 0,
        name: 'Bitcoin',
        stake_default: 0.0001,
        transfer_between_accounts: { fees: {}, limits: { min: 0.0001 } },
        type: 'crypto',
      },
      USD: {
        fractional_digits: 2,
        is_deposit_suspended: 0,
        is_suspended: 0,
        is_withdrawal_suspended: 0,
        name: 'US Dollar',
        stake_default: 10,
        transfer_between_accounts: { fees: {}, limits: { min: 1 } },
        type: 'fiat',
      },
    },
    site_status: 'up',
    supported_languages: ['EN', 'ES', 'FR', 'ID', 'PT', 'RU'],
    terms_conditions_version: 'Version 4.2.0 2020-11-01',
  };
}
