import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { publishFile, type StoredPublish } from '../../../persistence/publishedVersions.ts';


/**
 * Which of the stored publishes to play into the live session now, oldest first: those not yet
 * seen (`seen`: played, being played, or passed over) of a Workflow the session runs. One of a
 * Workflow it does not run is passed over — the session's notice that the Workflows changed, and
 * Restart, take it in.
 */
export function publishesToPlay(
  publishes: readonly StoredPublish[],
  seen: (file: string) => boolean,
  running: readonly Workflow[],
): { readonly play: readonly { readonly file: string; readonly publish: StoredPublish }[]; readonly passedOver: readonly string[] } {
  const play: { file: string; publish: StoredPublish }[] = [];
  const passedOver: string[] = [];
  for (const publish of [...publishes].sort((a, b) => a.id - b.id)) {
    const file = publishFile(publish);
    if (seen(file)) continue;
    if (running.some((workflow) => workflow.id === publish.workflowId)) play.push({ file, publish });
    else passedOver.push(file);
  }
  return { play, passedOver };
}
