import type { Step } from '../../../../simulator/schema/step.ts';

/** What an output handle is called on the node: nothing for the plain `next`. */
export function outputLabel(step: Step, handle: string): string {
  if (handle === 'next') return '';
  if (handle === 'else') return 'Else';
  switch (step.type) {
    case 'ask_question':
      return handle === 'answered' ? 'Answered' : 'Timed out';
    case 'datetime_branch':
      return 'In time';
    case 'branch': {
      const index = step.paths.findIndex((path) => path.id === handle);
      return step.paths[index]?.label || `Path ${index + 1}`;
    }
    default:
      return handle;
  }
}
