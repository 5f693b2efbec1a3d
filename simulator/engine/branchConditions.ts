import type { BranchCondition, StepOf } from '../schema/step.ts';
import type { ContactView } from './contactView.ts';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const includes = (text: string, part: string) => text.toLowerCase().includes(part.trim().toLowerCase());

/** Whether one Branch condition holds for the contact. Text comparisons ignore case and outer spaces. */
export function matchesCondition(condition: BranchCondition, contact: ContactView): boolean {
  switch (condition.subject) {
    case 'field': {
      const value = contact.field(condition.field);
      switch (condition.operator) {
        case 'is':
          return value !== undefined && same(value, condition.value);
        case 'is_not':
          return value === undefined || !same(value, condition.value);
        case 'contains':
          return value !== undefined && includes(value, condition.value);
        case 'is_set':
          return value !== undefined && value !== '';
        case 'is_not_set':
          return value === undefined || value === '';
      }
      break;
    }
    case 'tag':
      return contact.hasTag(condition.tag) === (condition.operator === 'has');
    case 'last_message': {
      const text = contact.lastMessage;
      if (text === null) return false;
      return condition.operator === 'is' ? same(text, condition.value) : includes(text, condition.value);
    }
  }
  return false;
}

/** The output a Branch takes: the id of its first path whose conditions hold, else `else`. */
export function choosePath(step: StepOf<'branch'>, contact: ContactView): string {
  for (const path of step.paths) {
    const holds =
      path.match === 'all'
        ? path.conditions.every((condition) => matchesCondition(condition, contact))
        : path.conditions.some((condition) => matchesCondition(condition, contact));
    if (holds) return path.id;
  }
  return 'else';
}
