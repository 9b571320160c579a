import type { ReactNode } from 'react';
import { BrandMark } from '../ui/BrandMark';

interface AuthLayoutProps {
  /** Browser tab title and the card's heading. */
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Centered card used by setup, sign-in and invitation pages. */
export function AuthLayout({ title, lead, children, footer }: AuthLayoutProps) {
  return (
    <main className="auth">
      <title>{`${title} · ChatSyncs`}</title>
      <BrandMark />
      <div className="auth-card">
        <h1>{title}</h1>
        {lead ? <p className="auth-lead">{lead}</p> : <div style={{ height: 20 }} />}
        {children}
      </div>
      {footer ? <div className="auth-footer">{footer}</div> : null}
    </main>
  );
}
