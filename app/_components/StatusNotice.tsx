import type { ReactNode } from 'react';

/**
 * A polite live region that is always in the page, with its message put inside it when there is
 * one: screen readers announce a change inside an existing region, and often say nothing about a
 * region that appears with its text already in it.
 */
export function StatusNotice({ children, className }: { children: ReactNode; className?: string }) {
  return <div role="status">{children ? <p className={className}>{children}</p> : null}</div>;
}
