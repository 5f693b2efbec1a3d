import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { TRIGGER_ICON } from './steps/stepIcons.tsx';
import { triggerName } from './steps/triggerName.ts';
import type { TriggerFlowNode } from './flowElements.ts';
import { NodeFrame, useNodeSimulation } from './NodeOverlay.tsx';
import { ProblemBadge, problemsName } from './ProblemBadge.tsx';
import { nodeSize, nodeWidth } from './nodeSize.ts';
import { PlainNode } from './PlainNode.tsx';
import { useZoomedOut } from './zoomedOut.ts';

/** An entry's one output, where the flow leaves it. */
export const ENTRY_OUTPUTS: readonly string[] = ['next'];

/** The trigger: where every run starts; it cannot be deleted and nothing leads into it. */
export const TriggerNode = memo(function TriggerNode({ data: { trigger, problems }, selected }: NodeProps<TriggerFlowNode>) {
  const Icon = TRIGGER_ICON;
  const simulation = useNodeSimulation(trigger.id);
  const zoomedOut = useZoomedOut();
  const className = `flow-node flow-node--trigger${problems.length > 0 ? ' flow-node--invalid' : ''}${selected ? ' flow-node--selected' : ''}`;
  const detail =
    trigger.type === 'tag_updated' ? `Tag ${trigger.tag} ${trigger.action}` : trigger.type === 'field_updated' ? `Field ${trigger.field}` : '';
  const kind = triggerName(trigger.type);
  const label = trigger.label || kind;
  if (zoomedOut && !simulation) return <PlainNode name={`Trigger: ${label}${problemsName(problems)}`} className={className} testId="node-trigger" size={nodeSize()} outputs={ENTRY_OUTPUTS} hasTarget={false} />;
  // The kind once: not again under a label that already says it ("Conversation opened" twice).
  const summary = [label === kind ? '' : kind, detail, trigger.oncePerContact ? 'once per contact' : ''].filter((part) => part !== '').join(' · ');
  return (
    <NodeFrame className={className} testId="node-trigger" width={nodeWidth()} simulation={simulation}>
      <div className="flow-node__head">
        <Icon aria-hidden size={16} className="flow-node__icon" />
        <span className="flow-node__kind">Trigger</span>
        <ProblemBadge problems={problems} />
      </div>
      <div className="flow-node__label">{label}</div>
      {summary !== '' && <div className="flow-node__summary">{summary}</div>}
      <div className="flow-node__outputs">
        <div className="flow-node__output">
          <Handle type="source" id="next" position={Position.Bottom} className="flow-handle flow-handle--source" />
        </div>
      </div>
    </NodeFrame>
  );
});
