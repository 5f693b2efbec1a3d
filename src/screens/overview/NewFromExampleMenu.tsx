import { BookOpen } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { ExampleLibrary } from '../../parts/examples/exampleLibrary.ts';
import { DropdownMenu, type MenuItem } from '../../ui/DropdownMenu.tsx';

/** Every bundled example Workflow that can be read, loaded once per library. */
const allExamples = new WeakMap<ExampleLibrary, Promise<Workflow[]>>();
function exampleWorkflows(library: ExampleLibrary): Promise<Workflow[]> {
  let loaded = allExamples.get(library);
  if (!loaded) {
    loaded = library.manifest().then(async (read) => {
      if (!read.ok) return [];
      const situations = await Promise.all(read.manifest.situations.map((situation) => library.situation(situation)));
      return situations.flatMap((situation) => situation.workflows.map((document) => document.value));
    });
    allExamples.set(library, loaded);
  }
  return loaded;
}

interface Props {
  readonly library: ExampleLibrary;
  readonly onChoose: (workflow: Workflow) => void;
}

const nothing = () => undefined;

/**
 * "New from example": a new draft copied from one of the bundled example Workflows. The examples
 * are fetched and read when the pointer or focus reaches the button, not with the overview: reading
 * them all is the heaviest work the first screen would do, for a menu most visits never open. The
 * menu opens on the first click all the same, saying it is loading until they are read.
 */
export function NewFromExampleMenu({ library, onChoose }: Props) {
  const [workflows, setWorkflows] = useState<readonly Workflow[] | undefined>(undefined);
  const load = useCallback(() => void exampleWorkflows(library).then(setWorkflows), [library]);
  const items: MenuItem[] =
    workflows === undefined
      ? [{ label: 'Loading the examples…', disabled: true, onSelect: nothing }]
      : workflows.length === 0
        ? [{ label: 'No example could be read', disabled: true, onSelect: nothing }]
        : workflows.map((workflow) => ({ label: workflow.name, onSelect: () => onChoose(workflow) }));
  return (
    <DropdownMenu
      label="New from example"
      align="start"
      trigger={
        <button type="button" className="ui-button" onPointerEnter={load} onPointerDown={load} onFocus={load}>
          <BookOpen aria-hidden size={16} /> New from example
        </button>
      }
      items={items}
    />
  );
}
