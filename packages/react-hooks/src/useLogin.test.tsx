// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBrowser } from './test/fakeBrowser.js';
import { useLogin, type UseLoginResult } from './useLogin.js';

afterEach(cleanup);

describe('useLogin', () => {
  it('keeps one login function across renders that always uses the latest parameters', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const logins: UseLoginResult['login'][] = [];
    function Button({ appId }: { appId: number }) {
      const { login } = useLogin({ appId, environment: browser.environment });
      logins.push(login);
      return <button onClick={() => login({ returnTo: '/after' })}>Log in</button>;
    }
    const view = render(<Button appId={1} />);
    view.rerender(<Button appId={1089} />);
    fireEvent.click(screen.getByText('Log in'));

    expect(logins).toHaveLength(2);
    expect(logins[0]).toBe(logins[1]);
    expect(browser.assigned).toHaveLength(1);
    expect(new URL(browser.assigned[0] ?? '').searchParams.get('app_id')).toBe('1089');
    expect(JSON.parse(browser.storage.get('@deriv-auth/login') ?? '{}')).toMatchObject({
      returnTo: '/after',
    });
  });

  it('does nothing while rendering: no state is created until login() is called', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    function Button() {
      useLogin({ appId: 1089, environment: browser.environment });
      return null;
    }
    render(<Button />);
    expect(browser.storage.size).toBe(0);
    expect(browser.assigned).toEqual([]);
  });

  it('treats an override set to undefined as not given (an unset env value keeps the hook value)', () => {
    const browser = createFakeBrowser('http://localhost:5173/');
    const unset = undefined as string | undefined;
    function Button() {
      const { login } = useLogin({
        appId: 1089,
        returnTo: '/from-hook',
        environment: browser.environment,
      });
      return <button onClick={() => login({ returnTo: unset, environment: undefined })}>Go</button>;
    }
    render(<Button />);
    fireEvent.click(screen.getByText('Go'));
    expect(browser.assigned).toHaveLength(1);
    expect(JSON.parse(browser.storage.get('@deriv-auth/login') ?? '{}')).toMatchObject({
      returnTo: '/from-hook',
    });
  });
});
