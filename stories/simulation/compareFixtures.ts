import { compareConfigurations } from '../../simulator/engine/compareConfigurations.ts';
import type { CompareResult } from '../../simulator/schema/compare.ts';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import followUpAgentAnswers from '../../public/examples/follow-up/agent-answers.script.json';
import followUpAssigned from '../../public/examples/follow-up/assigned.script.json';
import followUpContactReplies from '../../public/examples/follow-up/contact-replies.script.json';
import followUpNobodyAnswers from '../../public/examples/follow-up/nobody-answers.script.json';
import followUpSameSecond from '../../public/examples/follow-up/reply-at-the-same-second.script.json';
import followUpStopRefused from '../../public/examples/follow-up/stop-refused-not-allowed.script.json';
import hotLeadAgentStopsIt from '../../public/examples/hot-lead/agent-stops-it.script.json';
import hotLeadAgentTakesOver from '../../public/examples/hot-lead/agent-takes-over.script.json';
import hotLeadAssigned from '../../public/examples/hot-lead/assigned-to-agent.script.json';
import hotLeadContactAnswers from '../../public/examples/hot-lead/contact-answers-question.script.json';
import hotLeadStopRefused from '../../public/examples/hot-lead/stop-refused-restricted.script.json';
import { followUp, hotLead } from '../fixtures/exampleDocuments.ts';

function script(file: string, raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** The follow-up example's scripts in public/examples/index.json order, without the 1,000-contact population. */
const followUpScripts = [
  script('follow-up/agent-answers.script.json', followUpAgentAnswers),
  script('follow-up/contact-replies.script.json', followUpContactReplies),
  script('follow-up/assigned.script.json', followUpAssigned),
  script('follow-up/nobody-answers.script.json', followUpNobodyAnswers),
  script('follow-up/reply-at-the-same-second.script.json', followUpSameSecond),
  script('follow-up/stop-refused-not-allowed.script.json', followUpStopRefused),
];

/** The hot-lead example's scripts in public/examples/index.json order. */
const hotLeadScripts = [
  script('hot-lead/agent-takes-over.script.json', hotLeadAgentTakesOver),
  script('hot-lead/assigned-to-agent.script.json', hotLeadAssigned),
  script('hot-lead/agent-stops-it.script.json', hotLeadAgentStopsIt),
  script('hot-lead/stop-refused-restricted.script.json', hotLeadStopRefused),
  script('hot-lead/contact-answers-question.script.json', hotLeadContactAnswers),
];

/** "24h follow-up" under each exit-condition setting, compared by the real engine. */
export const followUpComparison: CompareResult = compareConfigurations(
  followUp.workflows.map((document) => document.value),
  followUpScripts,
);

/** "Lead nurture" under each setting, beside "VIP routing" as it is. */
export const hotLeadComparison: CompareResult = compareConfigurations(
  hotLead.workflows.map((document) => document.value),
  hotLeadScripts,
  { workflow: 'lead-nurture' },
);

/** A comparison whose chosen Workflow is not loaded: every cell says why it cannot be simulated. */
export const unknownWorkflowComparison: CompareResult = compareConfigurations(
  followUp.workflows.map((document) => document.value),
  followUpScripts.slice(0, 1),
  { workflow: 'Lead nurture' },
);

/**
 * "24h follow-up" handing back instead of stopping, a paused run resuming only when the
 * conversation is closed: under a Pause column, a run whose condition is met stays paused.
 */
export const handBackComparison: CompareResult = compareConfigurations(
  followUp.workflows.map((document) => ({
    ...document.value,
    settings: { ...document.value.settings, pause: { resume: { on: 'conversation_closed' as const } } },
  })),
  followUpScripts.slice(0, 3),
);
