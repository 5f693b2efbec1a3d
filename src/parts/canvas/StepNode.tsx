import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindOf, stepOutputs } from '../../../simulator/schema/step.ts';
import { STEP_ICONS } from './steps/stepIcons.tsx';
import { stepKind } from './steps/stepKinds.ts';
import { summarizeStep } from './steps/summarizeStep.ts';
import type { StepFlowNode } from './flowElements.ts';
import { NodeFrame, useNodeSimulation } from './NodeOverlay.tsx';
import { ProblemBadge, problemsName } from './ProblemBadge.tsx';
import { nodeSize, nodeWidth } from './nodeSize.ts';
import { PlainNode } from './PlainNode.tsx';
import { useZoomedOut } from './zoomedOut.ts';

/**
 * A step on the canvas: its icon, label, one line about its setup, its problems, and one labelled
 * handle per output (the card as wide as its labels need); in a large graph zoomed out, a plain
 * box (`useZoomedOut`; outside a simulation, whose badges lay the nodes out by their measured size).
 */
export const StepNode = memo(function StepNode({ data: { step, problems }, selected }: NodeProps<StepFlowNode>) {
  const Icon = STEP_ICONS[step.type];
  const outputs = stepOutputs(step);
  const simulation = useNodeSimulation(step.id);
  const zoomedOut = useZoomedOut();
  const className = `flow-node flow-node--${step.type}${problems.length > 0 ? ' flow-node--invalid' : ''}${selected ? ' flow-node--selected' : ''}`;
  const kindName = stepKind(step.type).name;
  if (zoomedOut && !simulation)
    return <PlainNode name={`${kindName}: ${step.label || kindName}${problemsName(problems)}`} className={className} testId={`node-${step.id}`} size={nodeSize(step)} outputs={outputs} hasTarget />;
  const summary = summarizeStep(step);
  return (
    <NodeFrame
      className={className}
      testId={`node-${step.id}`}
      width={nodeWidth(step)}
      simulation={simulation}
    >
      <Handle type="target" position={Position.Top} className="flow-handle" />
      <div className="flow-node__head">
        <Icon aria-hidden size={16} className="flow-node__icon" />
        <span className="flow-node__kind">{stepKind(step.type).name}</span>
        <ProblemBadge problems={problems} />
      </div>
      <div className="flow-node__label">{step.label || stepKind(step.type).name}</div>
      {summary && <div className="flow-node__summary">{summary}</div>}
      {outputs.length > 0 && (
        <div className="flow-node__outputs">
          {outputs.map((handle) => {
            const label = kindOf(step).outputLabel(step, handle);
            return (
              <div key={handle} className="flow-node__output">
                {label && <span className="flow-node__output-label">{label}</span>}
                <Handle type="source" id={handle} position={Position.Bottom} className="flow-handle flow-handle--source" />
              </div>
            );
          })}
        </div>
      )}
    </NodeFrame>
  );
});
