import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'success' | 'info';

export type AlertProps = {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  /** False when the message is placed in a live region that already exists (see `LiveRegion`). */
  announce?: boolean;
};

/**
 * A message block. Errors use role="alert" (announced at once), other tones role="status"
 * (announced politely).
 */
export function Alert({ tone = 'error', title, children, announce = true }: AlertProps) {
  const role = announce ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div role={role} className={`alert alert-${tone}`}>
      <span className="alert-icon" aria-hidden="true">
        {tone === 'error' ? '!' : tone === 'success' ? '✓' : 'i'}
      </span>
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
      </div>
    </div>
  );
}

/**
 * A polite live region present from the first render: screen readers announce reliably what
 * appears inside it later, unlike a region inserted together with its message.
 */
export function LiveRegion({ children }: { children?: ReactNode }) {
  return <div role="status">{children}</div>;
}
