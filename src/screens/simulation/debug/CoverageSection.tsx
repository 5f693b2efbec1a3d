import type { Coverage } from '../../../../simulator/schema/coverage.ts';
import { Switch } from '../../../ui/Switch.tsx';
import './debugger.css';

interface Props {
  /** Null while the worker works it out. */
  readonly coverage: Coverage | null;
  readonly problem: string | null;
  readonly marked: boolean;
  readonly onMarkedChange: (marked: boolean) => void;
}

const countText = ({ covered, total }: Coverage['steps'], one: string, many: string) => `${covered} of ${total} ${total === 1 ? one : many}`;

/**
 * Which steps and paths some run of any script of the situation took, as the engine counted them
 * from the traces: the totals, per Workflow when there are several, what no script reaches, and a
 * switch that marks those on the canvas.
 */
export function CoverageSection({ coverage, problem, marked, onMarkedChange }: Props) {
  return (
    <section className="coverage-section" aria-label="Coverage">
      <h2 className="workspace__heading">Coverage</h2>
      {problem !== null ? (
        <p className="workspace__note workspace__note--warning" role="alert">
          Coverage cannot be worked out: {problem}
        </p>
      ) : coverage === null ? (
        <p className="workspace__hint" role="status">
          Playing every script to its end…
        </p>
      ) : (
        <>
          <p className="coverage-section__figure" role="status">
            Coverage: {countText(coverage.steps, 'step', 'steps')}, {countText(coverage.edges, 'path', 'paths')}
            <span className="workspace__hint"> · over {coverage.scripts === 1 ? 'the one script' : `${coverage.scripts} scripts`}</span>
          </p>
          {coverage.workflows.length > 1 && (
            <ul className="coverage-section__workflows">
              {coverage.workflows.map((workflow) => (
                <li key={workflow.workflow}>
                  {workflow.name}: {countText(workflow.steps, 'step', 'steps')}, {countText(workflow.edges, 'path', 'paths')}
                </li>
              ))}
            </ul>
          )}
          {coverage.stoppedShort.length > 0 && (
            <p className="workspace__note workspace__note--warning">
              {coverage.stoppedShort.length === 1 ? 'One script' : `${coverage.stoppedShort.length} scripts`} stopped short of the end: what they would have reached later is not counted.
            </p>
          )}
          <Switch label="Mark what no script reaches on the canvas" checked={marked} onCheckedChange={onMarkedChange} />
          {coverage.uncovered.some((item) => item.kind === 'step') && (
            <p className="workspace__hint">
              Never reached:{' '}
              {coverage.uncovered
                .flatMap((item) => (item.kind === 'step' ? [item.label || item.step] : []))
                .join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
