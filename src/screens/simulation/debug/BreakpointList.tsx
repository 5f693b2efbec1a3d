import { X } from 'lucide-react';
import type { Breakpoints } from '../../../../simulator/schema/breakpoints.ts';
import { stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';
import { stopReasonSchema } from '../../../../simulator/schema/settings.ts';
import { Checkbox } from '../../../ui/Checkbox.tsx';
import { IconButton } from '../../../ui/Tooltip.tsx';
import './debugger.css';

interface Props {
  readonly breakpoints: Breakpoints;
  readonly onChange: (update: (current: Breakpoints) => Breakpoints) => void;
  /** A step's name ("Wait 24h") and its Workflow's, for the list. */
  readonly stepName: (workflow: string, step: string) => string;
  readonly workflowName: (workflow: string) => string;
  /** Breakpoints the worker says pause nothing in what is loaded, each with why. */
  readonly ignored?: readonly string[];
}

/**
 * Where playback pauses by itself: the steps with a breakpoint (each with a remove button), "when
 * any run stops" and "when a run stops because of" each of the engine's stop reasons, named as the
 * settings name them ("Manual stop"). Every change goes to the worker at once; the engine does the pausing.
 */
export function BreakpointList({ breakpoints, onChange, stepName, workflowName, ignored = [] }: Props) {
  const several = new Set(breakpoints.steps.map((breakpoint) => breakpoint.workflow)).size > 1;
  return (
    <section className="breakpoint-list" aria-label="Breakpoints">
      <h2 className="workspace__heading">Breakpoints</h2>
      {breakpoints.steps.length === 0 ? (
        <p className="workspace__hint">No step has a breakpoint: click the dot at a step’s left edge to pause when a run enters it.</p>
      ) : (
        <ul className="breakpoint-list__steps">
          {breakpoints.steps.map(({ workflow, step }) => {
            const name = stepName(workflow, step);
            return (
              <li key={`${workflow}/${step}`} className="breakpoint-list__step">
                <span className="breakpoint-list__dot" aria-hidden />
                <span>
                  Pause when a run enters <strong>{name}</strong>
                  {several && ` (${workflowName(workflow)})`}
                </span>
                <IconButton
                  label={`Remove the breakpoint on ${name}`}
                  icon={<X size={14} />}
                  onClick={() => onChange((current) => ({ ...current, steps: current.steps.filter((other) => other.workflow !== workflow || other.step !== step) }))}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Checkbox label="Pause when any run stops" checked={breakpoints.anyStop} onCheckedChange={(anyStop) => onChange((current) => ({ ...current, anyStop }))} />
      <fieldset className="breakpoint-list__reasons">
        <legend>Pause when a run stops because of</legend>
        {stopReasonSchema.options.map((reason) => (
          <Checkbox
            key={reason}
            label={stopReasonLabel(reason)}
            checked={breakpoints.stopReasons.includes(reason)}
            disabled={breakpoints.anyStop}
            onCheckedChange={(on) =>
              onChange((current) => ({ ...current, stopReasons: on ? [...current.stopReasons.filter((other) => other !== reason), reason] : current.stopReasons.filter((other) => other !== reason) }))
            }
          />
        ))}
      </fieldset>
      {ignored.length > 0 && (
        <ul className="breakpoint-list__ignored" role="status">
          {ignored.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
