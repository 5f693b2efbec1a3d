import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Tooltip } from '../../ui/Tooltip.tsx';

type Props = {
  /** The button's name; shown beside the icon while the toolbar has room, always as its tooltip. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly ref?: Ref<HTMLButtonElement>;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'>;

/**
 * A secondary toolbar button whose label gives way to the canvas: below a toolbar width (a
 * container query in the stylesheet) only the icon shows, so the toolbar stays one row and its
 * items keep their places. It passes `ref` and other props on, so it can be a Radix trigger.
 */
export function ToolbarAction({ label, icon, className, ref, ...rest }: Props) {
  return (
    <Tooltip content={label} side="bottom">
      <button type="button" {...rest} ref={ref} className={className ? `ui-button toolbar-action ${className}` : 'ui-button toolbar-action'} aria-label={label}>
        {icon} <span className="toolbar-action__label">{label}</span>
      </button>
    </Tooltip>
  );
}
