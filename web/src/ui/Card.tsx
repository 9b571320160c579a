import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Set to false for content that brings its own padding (a list or a table). */
  padded?: boolean;
  children: ReactNode;
}

export function Card({ title, description, padded = true, children }: CardProps) {
  return (
    <section className="card">
      {title ? (
        <header className="card-header">
          <h2>{title}</h2>
          {description ? <p>{description}</p> : null}
        </header>
      ) : null}
      {padded ? <div className="card-body">{children}</div> : children}
    </section>
  );
}
