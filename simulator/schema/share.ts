import { z } from 'zod';
import { breakpointsSchema } from './breakpoints.ts';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { playbackLoadSchema } from './playback.ts';
import { workflowSettingsSchema } from './settings.ts';

/** The format of the situation a share link carries; a link of any older format still opens. */
export const SHARE_FORMAT_VERSION = 1;

/**
 * Format 1 of a shared situation: what the simulator plays (its Workflows, of any Workflow format,
 * migrated as they are read; the script; the new versions its publishes name) and where the person
 * who shared it stood. Strict, so a field from a hand-edited or hostile link is named, not ignored.
 */
export const shareSituationV1Schema = z
  .strictObject({
    v: z.literal(1),
    ...playbackLoadSchema.shape,
    /** Stop settings tried in the simulator instead of a Workflow's own, by the Workflow's id. */
    settingsTried: z
      .record(idSchema, workflowSettingsSchema)
      .refine((tried) => Object.keys(tried).length <= LIMITS.workflows, `At most ${LIMITS.workflows} Workflows' settings`)
      .optional(),
    /** The instant shown, in ms of virtual time since the script's start. */
    at: z.number().min(0).max(LIMITS.horizonMs).optional(),
    /** The selected contact's id. */
    contact: idSchema.optional(),
    breakpoints: breakpointsSchema.optional(),
  })
  .superRefine((situation, ctx) => {
    // Settings tried on a Workflow the link does not hold would be applied to nothing, silently.
    const held = new Set(situation.workflows.map((workflow) => workflow.id));
    for (const id of Object.keys(situation.settingsTried ?? {}))
      if (!held.has(id)) ctx.addIssue({ code: 'custom', path: ['settingsTried', id], message: `No Workflow of this link has the id "${id}"` });
  });

/** The situation a share link carries, in the current format. */
export const shareSituationSchema = shareSituationV1Schema;
export type ShareSituation = z.infer<typeof shareSituationSchema>;
export type ShareSituationInput = z.input<typeof shareSituationSchema>;
