import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab {
  readonly value: string;
  readonly label: string;
  readonly content: ReactNode;
}

interface Props {
  /** What the tabs are about, for screen readers. */
  readonly label: string;
  readonly tabs: readonly Tab[];
  readonly defaultValue?: string;
  /** Controlled: the shown tab, and who keeps it (e.g. the store, so it outlives this component). */
  readonly value?: string;
  readonly onValueChange?: (value: string) => void;
}

/** The tab a key moves to, by its place in the list; null for a key that moves nothing. */
function movedTo(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Tabs as the ARIA tabs pattern has them: a tablist of tabs, each saying whether it is selected and
 * which panel it controls. One tab is in the tab order, the selected one; the arrow keys (wrapping
 * round), Home and End move to a tab and show its panel. Only the shown panel draws its content: a
 * panel's work starts when it is shown, and what it held is let go when another is.
 *
 * Our own rather than Radix's: the tabs are on the first screen of Messages and the simulator, and
 * Radix's tabs with their roving focus were about 11 KB gzip of that first load for these few rules.
 */
export function Tabs({ label, tabs, defaultValue, value, onValueChange }: Props) {
  const [own, setOwn] = useState(defaultValue ?? tabs[0]?.value);
  const shown = value ?? own;
  const base = useId();
  const tabId = (tab: Tab) => `${base}-tab-${tab.value}`;
  const panelId = (tab: Tab) => `${base}-panel-${tab.value}`;
  // A shown value that names no tab (the tabs changed): the first tab is the one the keyboard reaches.
  const focusable = tabs.some((tab) => tab.value === shown) ? shown : tabs[0]?.value;

  const select = (next: string) => {
    if (next === shown) return;
    if (value === undefined) setOwn(next);
    onValueChange?.(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const to = movedTo(event.key, at, tabs.length);
    const tab = to === null ? undefined : tabs[to];
    if (to === null || !tab) return;
    event.preventDefault();
    select(tab.value);
    event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };

  return (
    <div className="ui-tabs" data-orientation="horizontal">
      <div role="tablist" aria-label={label} aria-orientation="horizontal" className="ui-tabs__list">
        {tabs.map((tab, at) => {
          const selected = tab.value === shown;
          return (
            <button
              key={tab.value}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={selected}
              aria-controls={panelId(tab)}
              data-state={selected ? 'active' : 'inactive'}
              tabIndex={tab.value === focusable ? 0 : -1}
              className="ui-tabs__tab"
              onClick={() => select(tab.value)}
              onKeyDown={(event) => onKeyDown(event, at)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const selected = tab.value === shown;
        // Every panel is there for its tab's aria-controls; a hidden one is empty.
        return (
          <div key={tab.value} role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} hidden={!selected} data-state={selected ? 'active' : 'inactive'} className="ui-tabs__panel">
            {selected && tab.content}
          </div>
        );
      })}
    </div>
  );
}
