import { stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';
import { stopReasonSchema } from '../../../../simulator/schema/script.ts';
import type { Choice } from './SelectField.tsx';

/** The Reason picker of a status expectation: every stop reason, named as the settings and the Stop reason branch name it. */
export const REASON_CHOICES: readonly Choice[] = stopReasonSchema.options.map((reason) => ({ value: reason, label: stopReasonLabel(reason) }));
