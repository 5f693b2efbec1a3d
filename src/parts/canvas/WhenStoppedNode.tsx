import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { WHEN_STOPPED_ICON } from './steps/stepIcons.tsx';
import type { WhenStoppedFlowNode } from './flowElements.ts';
import { NodeFrame, useNodeSimulation } from './NodeOverlay.tsx';
import { ProblemBadge, problemsName } from './ProblemBadge.tsx';
import { nodeSize, nodeWidth } from './nodeSize.ts';
import { PlainNode } from './PlainNode.tsx';
import { useZoomedOut } from './zoomedOut.ts';
import { ENTRY_OUTPUTS } from './TriggerNode.tsx';

export const WHEN_STOPPED_NAME = 'When stopped';
export const WHEN_STOPPED_HINT = 'Runs once, right after a run of this Workflow is stopped';

/** The When stopped entry: the second start node, where the clean-up path begins. Nothing leads into it. */
export const WhenStoppedNode = memo(function WhenStoppedNode({ data: { whenStopped, problems }, selected }: NodeProps<WhenStoppedFlowNode>) {
  const Icon = WHEN_STOPPED_ICON;
  const simulation = useNodeSimulation(whenStopped.id);
  const zoomedOut = useZoomedOut();
  const className = `flow-node flow-node--when-stopped${problems.length > 0 ? ' flow-node--invalid' : ''}${selected ? ' flow-node--selected' : ''}`;
  if (zoomedOut && !simulation)
    return (
      <PlainNode
        name={`${WHEN_STOPPED_NAME}: ${whenStopped.label || WHEN_STOPPED_NAME}${problemsName(problems)}`}
        className={className}
        testId="node-when-stopped"
        size={nodeSize()}
        outputs={ENTRY_OUTPUTS}
        hasTarget={false}
      />
    );
  return (
    <NodeFrame
      className={className}
      testId="node-when-stopped" width={nodeWidth()}
      simulation={simulation}
    >
      <div className="flow-node__head">
        <Icon aria-hidden size={16} className="flow-node__icon" />
        <span className="flow-node__kind">{WHEN_STOPPED_NAME}</span>
        <ProblemBadge problems={problems} />
      </div>
      <div className="flow-node__label">{whenStopped.label || WHEN_STOPPED_NAME}</div>
      <div className="flow-node__summary">{WHEN_STOPPED_HINT}</div>
      <div className="flow-node__outputs">
        <div className="flow-node__output">
          <Handle type="source" id="next" position={Position.Bottom} className="flow-handle flow-handle--source" />
        </div>
      </div>
    </NodeFrame>
  );
});
