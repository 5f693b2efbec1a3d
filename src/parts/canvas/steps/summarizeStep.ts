import type { Step } from '../../../../simulator/schema/step.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const quote = (text: string, max = 60) => {
  const line = text.replace(/\s+/g, ' ').trim();
  // By code points, so a cut never splits an emoji's surrogate pair (drawn as �).
  const chars = Array.from(line);
  return chars.length > max ? `“${chars.slice(0, max - 1).join('')}…”` : `“${line}”`;
};

/** One line saying how a step is set up, for its node on the canvas; empty when there is nothing to say. */
export function summarizeStep(step: Step): string {
  switch (step.type) {
    case 'send_message':
    case 'add_comment':
      return step.text.trim() === '' ? 'No text yet' : quote(step.text);
    case 'ask_question':
      return step.text.trim() === '' ? 'No question yet' : `${quote(step.text, 40)}${step.field ? ` → ${step.field}` : ''}${step.timeout ? ` · ${step.timeout} timeout` : ''}`;
    case 'wait':
      return step.delay.kind === 'duration' ? `For ${step.delay.duration}` : `Until ${step.delay.time}`;
    case 'branch':
      return step.paths.length === 1 ? '1 path and Else' : `${step.paths.length} paths and Else`;
    case 'datetime_branch':
      return `${step.days.map((day) => DAYS[day]).join(', ')} ${step.from}–${step.to}`;
    case 'stop_reason_branch':
      return 'By why the run stopped';
    case 'assign':
      return `To ${step.assignee.kind} ${step.assignee.id}`;
    case 'update_field':
      return `${step.field} = ${step.value === '' ? '(empty)' : quote(step.value, 30)}`;
    case 'update_tag':
      return `${step.action === 'add' ? 'Add' : 'Remove'} tag ${step.tag}`;
    case 'trigger_workflow':
      return step.workflow === '' ? 'No Workflow chosen' : `Starts ${step.workflow}`;
    case 'jump_to':
      return step.target === '' ? 'No step chosen' : `To ${step.target}`;
    case 'open_conversation':
    case 'close_conversation':
    case 'end':
      return '';
  }
}
