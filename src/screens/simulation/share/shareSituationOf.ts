import type { Breakpoints } from '../../../../simulator/schema/breakpoints.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../../../simulator/schema/settings.ts';
import type { ShareSituation } from '../../../../simulator/schema/share.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** What the workspace shows, to be put in a share link. */
export interface ShownSituation {
  readonly workflows: readonly Workflow[];
  /** The same Workflows with the stop settings tried in the side panel. */
  readonly edited: readonly Workflow[];
  readonly script: Script;
  readonly versions?: Readonly<Record<string, Workflow>> | undefined;
  readonly at: number;
  readonly contact: string;
  readonly breakpoints: Breakpoints;
}

const sameSettings = (a: WorkflowSettings, b: WorkflowSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The situation a share link carries: the Workflows as loaded and, apart, only the settings tried
 * that differ from theirs, so the person opening it sees both what the files say and what was tried.
 */
export function shareSituationOf({ workflows, edited, script, versions, at, contact, breakpoints }: ShownSituation): ShareSituation {
  const settingsTried: Record<string, WorkflowSettings> = {};
  for (const workflow of edited) {
    const original = workflows.find((candidate) => candidate.id === workflow.id);
    if (original && !sameSettings(original.settings, workflow.settings)) settingsTried[workflow.id] = workflow.settings;
  }
  const hasBreakpoints = breakpoints.steps.length > 0 || breakpoints.anyStop || breakpoints.stopReasons.length > 0;
  return {
    v: 1,
    workflows: [...workflows],
    script,
    ...(versions && Object.keys(versions).length > 0 ? { versions: { ...versions } } : {}),
    ...(Object.keys(settingsTried).length > 0 ? { settingsTried } : {}),
    at,
    ...(contact !== '' ? { contact } : {}),
    ...(hasBreakpoints ? { breakpoints } : {}),
  } as ShareSituation;
}

/** The Workflows with the settings a link tried on them. */
export function withSettingsTried(workflows: readonly Workflow[], tried: Readonly<Record<string, WorkflowSettings>> | undefined): readonly Workflow[] {
  if (!tried) return workflows;
  return workflows.map((workflow) => (tried[workflow.id] ? { ...workflow, settings: tried[workflow.id] as WorkflowSettings } : workflow));
}
