import type { DemoConfig } from '../demoConfig';
import { chooseFlow, useDemoFlow } from '../demoFlow';

/** Props of {@link FlowChoice}. */
export interface FlowChoiceProps {
  readonly config: DemoConfig;
}

/**
 * Legacy or New API, on the login screen: shown when the demo has a New API client
 * (`VITE_DERIV_CLIENT_ID`; `pnpm demo` registers one with the mock server). Choosing reloads the
 * tab with a session of that flow.
 *
 * @param props - Settings (whether the New API is set up).
 * @returns The choice, or nothing.
 */
export function FlowChoice({ config }: FlowChoiceProps) {
  const { flow } = useDemoFlow();
  if (config.newApi === undefined) return null;
  const options = [
    { value: 'legacy', label: 'Legacy (app id, tokens in the redirect)' },
    { value: 'newApi', label: 'New API (OAuth 2.0 + PKCE, one-time socket URLs)' },
  ] as const;
  return (
    <fieldset className="flow-choice" data-testid="flow-choice" data-flow={flow}>
      <legend>Sign-in flow</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="flow"
            value={option.value}
            checked={flow === option.value}
            onChange={() => {
              chooseFlow(option.value);
            }}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
