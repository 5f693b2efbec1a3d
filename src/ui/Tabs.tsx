import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

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

/** Tabs (Radix Tabs: arrow keys move between tabs, the panel follows). */
export function Tabs({ label, tabs, defaultValue, value, onValueChange }: Props) {
  return (
    <RadixTabs.Root className="ui-tabs" defaultValue={defaultValue ?? tabs[0]?.value} value={value} onValueChange={onValueChange}>
      <RadixTabs.List className="ui-tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="ui-tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="ui-tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
