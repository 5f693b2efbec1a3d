import type { ReactNode } from 'react';

interface Props {
  /** A lucide icon, decorative. */
  readonly icon: ReactNode;
  readonly title: string;
  readonly children: ReactNode;
  /** The next thing to do, usually one link or button. */
  readonly action?: ReactNode;
}

/** What a screen shows when it has nothing yet: why, and the way forward. */
export function EmptyState({ icon, title, children, action }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <span className="empty-state__icon" aria-hidden>
        {icon}
      </span>
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
