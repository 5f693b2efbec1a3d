import type { ReactNode } from 'react';

export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p className="loading" role="status">
      {children}
    </p>
  );
}
