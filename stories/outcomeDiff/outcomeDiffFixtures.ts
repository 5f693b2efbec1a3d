import { diffOutcomes } from '../../simulator/engine/outcomeDiff.ts';
import type { OutcomeDiff } from '../../simulator/schema/outcomeDiff.ts';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import agentAnswers from '../../public/examples/follow-up/agent-answers.script.json';
import contactReplies from '../../public/examples/follow-up/contact-replies.script.json';
import nobodyAnswers from '../../public/examples/follow-up/nobody-answers.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';

function script(file: string, raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** The 24 h follow-up as published, and a draft whose Wait is 2 h: replies within the day no longer stop it. */
const published = followUp.workflows[0]!.value;
export const waitTwoHours: Workflow = {
  ...published,
  steps: published.steps.map((step) => (step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step)),
};

export const followUpScripts: readonly Script[] = [
  script('follow-up/agent-answers.script.json', agentAnswers),
  script('follow-up/contact-replies.script.json', contactReplies),
  script('follow-up/nobody-answers.script.json', nobodyAnswers),
];

/** Three scripts played on the published version and on the draft, by the real engine. */
export const waitShortened: OutcomeDiff = diffOutcomes([published], [waitTwoHours], followUpScripts);

/** The 1,000-contact population on both versions, its rows capped at 5: the counts stay whole. */
export const populationCapped: OutcomeDiff = diffOutcomes([published], [waitTwoHours], [followUp.population.value], { maxDifferences: 5 });

/** Nothing changes: the same version on both sides. */
export const unchanged: OutcomeDiff = diffOutcomes([published], [published], followUpScripts);

/** The draft's first message has no text: the script's row says why it was not compared. */
export const brokenDraft: OutcomeDiff = diffOutcomes(
  [published],
  [{ ...published, steps: published.steps.map((step) => (step.type === 'send_message' ? { ...step, text: '' } : step)) }],
  followUpScripts.slice(0, 1),
);
