/** What every New API route shares with its server. */
import type { ConsentGuard } from './consentGuard.js';
import type { FaultRegistry } from './faultRegistry.js';
import type { MockState } from './mockState.js';
import type { NewApiAccounts } from './newApiAccounts.js';
import type { NewApiConfig } from './newApiConfig.js';
import type { NewApiTokens } from './newApiTokens.js';

export interface NewApiContext {
  readonly state: MockState;
  readonly config: NewApiConfig;
  readonly tokens: NewApiTokens;
  readonly accounts: NewApiAccounts;
  readonly faults: FaultRegistry;
  readonly guard: ConsentGuard;
}
