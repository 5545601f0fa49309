import type { ReactNode } from 'react';
import { describeError } from '../describeError';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** The error to describe (any SDK error). */
  readonly error: unknown;
  /** Buttons offered under the message. */
  readonly children?: ReactNode;
}

/**
 * A clear, accessible error message (`role="alert"`), with the SDK's stable code for support.
 *
 * @param props - The error and optional actions.
 * @returns The notice.
 */
export function ErrorNotice({ error, children }: ErrorNoticeProps) {
  const description = describeError(error);
  return (
    <section
      className="notice notice-error"
      role="alert"
      data-testid="error"
      data-code={description.code}
    >
      <h2>{description.title}</h2>
      <p>{description.message}</p>
      <p className="notice-code">
        Code: <code>{description.code}</code>
      </p>
      {children}
    </section>
  );
}
