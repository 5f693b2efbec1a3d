import { BookOpen } from 'lucide-react';
import { use, useMemo } from 'react';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { ExampleLibrary } from '../../parts/examples/exampleLibrary.ts';
import { DropdownMenu } from '../../ui/DropdownMenu.tsx';

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

/** "New from example": a new draft copied from one of the bundled example Workflows. */
export function NewFromExampleMenu({ library, onChoose }: Props) {
  const workflows = use(useMemo(() => exampleWorkflows(library), [library]));
  if (workflows.length === 0) return null;
  return (
    <DropdownMenu
      label="New from example"
      align="start"
      trigger={
        <button type="button" className="ui-button">
          <BookOpen aria-hidden size={16} /> New from example
        </button>
      }
      items={workflows.map((workflow) => ({ label: workflow.name, onSelect: () => onChoose(workflow) }))}
    />
  );
}
