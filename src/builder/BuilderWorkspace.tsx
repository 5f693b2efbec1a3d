import { DndContext, DragOverlay, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import { stepOutputs, type StepType } from '../../simulator/schema/step.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';
import { useSavedViewport } from '../persistence/storedWorkflowHooks.ts';
import { useWorkflowActions } from '../persistence/useWorkflowActions.ts';
import { useAppStore } from '../state/StoreProvider.tsx';
import { GRID, WorkflowCanvas } from './canvas/WorkflowCanvas.tsx';
import { useBuilderShortcuts } from './commands/useBuilderShortcuts.ts';
import { NODE_SIZE } from './editing/autoLayout.ts';
import { addStep, connect, insertStepOnEdge, nodeIds, type Position } from './editing/workflowEdits.ts';
import { Inspector } from './inspector/Inspector.tsx';
import type { PaletteDragData } from './palette/StepPalette.tsx';
import { StepPalette } from './palette/StepPalette.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { STEP_ICONS } from './steps/stepIcons.tsx';
import { createStep, freeStepId, stepKind } from './steps/stepKinds.ts';

interface Props {
  readonly workflow: Workflow;
  /** The other stored Workflows: targets of Trigger Workflow, checked by the validator. */
  readonly otherWorkflows: readonly Workflow[];
}

/** The builder's work area: the palette, the canvas, the inspector and the problems list. */
export function BuilderWorkspace(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

const snap = (value: number) => Math.round(value / GRID[0]) * GRID[0];

/** The edge under a point of the screen, if any (React Flow marks each edge's group with its id). */
function edgeAt(point: Position): string | undefined {
  for (const element of document.elementsFromPoint(point.x, point.y)) {
    const edge = element.closest('[data-testid^="rf__edge-"]');
    if (edge) return edge.getAttribute('data-testid')?.slice('rf__edge-'.length);
  }
  return undefined;
}

function Workspace({ workflow, otherWorkflows }: Props) {
  useBuilderShortcuts();
  const savedViewport = useSavedViewport(workflow.id);
  const { rememberViewport } = useWorkflowActions();
  const flow = useReactFlow();
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const select = useAppStore((state) => state.select);
  const setSettingsOpen = useAppStore((state) => state.setSettingsOpen);
  const selectedIds = useAppStore((state) => state.selection.nodeIds);
  const canvas = useRef<HTMLDivElement | null>(null);
  const onCanvasElement = useCallback((element: HTMLDivElement | null) => {
    canvas.current = element;
  }, []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragged, setDragged] = useState<StepType | null>(null);

  const problems = useMemo(() => validateWorkflow(workflow, { workflows: otherWorkflows }), [workflow, otherWorkflows]);
  const problemsByNode = useMemo(() => {
    const byNode = new Map<string, string[]>();
    for (const problem of problems) if (problem.stepId) byNode.set(problem.stepId, [...(byNode.get(problem.stepId) ?? []), problem.message]);
    return byNode;
  }, [problems]);

  /** Adds a step with its top-left corner at `at` (snapped), into `edgeId` or after `from` when given, and selects it. */
  const addStepAt = (type: StepType, at: Position, { edgeId, from }: { edgeId?: string | undefined; from?: { source: string; sourceHandle: string } } = {}) => {
    const id = freeStepId(type, nodeIds(workflow));
    const step = createStep(type, id, { x: snap(at.x), y: snap(at.y) });
    editWorkflow((current) => {
      if (edgeId) return insertStepOnEdge(current, edgeId, step);
      const added = addStep(current, step);
      return from ? connect(added, { ...from, target: id }) : added;
    });
    select({ nodeIds: [id], edgeIds: [] });
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const data = event.active.data.current as PaletteDragData | undefined;
    const start = event.activatorEvent as PointerEvent | null;
    if (!data || event.over?.id !== 'canvas' || !start) return;
    const drop = { x: start.clientX + event.delta.x, y: start.clientY + event.delta.y };
    const at = flow.screenToFlowPosition(drop);
    addStepAt(data.stepType, { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 }, { edgeId: edgeAt(drop) });
  };

  /** Enter or a click on a palette item: below the selected node, joined to its first free output; else in the middle of the view. */
  const addFromKeyboard = (type: StepType) => {
    const [only] = selectedIds;
    const node = selectedIds.length === 1 && only !== undefined ? flow.getNode(only) : undefined;
    if (node) {
      const step = workflow.steps.find((candidate) => candidate.id === node.id);
      const outputs = node.id === workflow.trigger.id ? ['next'] : step ? stepOutputs(step) : [];
      const free = outputs.find((handle) => !workflow.edges.some((edge) => edge.source === node.id && edge.sourceHandle === handle));
      addStepAt(type, { x: node.position.x, y: node.position.y + NODE_SIZE.height + 60 }, free ? { from: { source: node.id, sourceHandle: free } } : {});
      return;
    }
    const box = canvas.current?.getBoundingClientRect();
    const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    addStepAt(type, { x: centre.x - NODE_SIZE.width / 2, y: centre.y - NODE_SIZE.height / 2 });
  };

  const showProblem = (problem: WorkflowProblem) => {
    if (problem.path[0] === 'settings') setSettingsOpen(true);
    else if (problem.stepId) {
      select({ nodeIds: [problem.stepId], edgeIds: [] });
      const node = flow.getNode(problem.stepId);
      if (node) void flow.setCenter(node.position.x + NODE_SIZE.width / 2, node.position.y + NODE_SIZE.height / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    } else if (problem.edgeId) select({ nodeIds: [], edgeIds: [problem.edgeId] });
  };

  const Icon = dragged ? STEP_ICONS[dragged] : null;
  return (
    <DndContext
      sensors={sensors}
      onDragStart={(event: DragStartEvent) => setDragged((event.active.data.current as PaletteDragData | undefined)?.stepType ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <div className="builder-workspace">
        <StepPalette onAdd={addFromKeyboard} />
        <CanvasDropZone onElement={onCanvasElement}>
          {savedViewport === undefined ? (
            <p className="loading">Opening the canvas…</p>
          ) : (
            <WorkflowCanvas workflow={workflow} problems={problemsByNode} initialViewport={savedViewport} onViewportChange={(viewport) => rememberViewport(workflow.id, viewport)} />
          )}
        </CanvasDropZone>
        <div className="builder-side">
          <Inspector workflow={workflow} workflowNames={otherWorkflows.map((other) => other.name)} />
          <ProblemsList problems={problems} onShow={showProblem} />
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && Icon && (
          <div className="palette__ghost">
            <Icon aria-hidden size={16} /> {stepKind(dragged).name}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

/** Where palette steps can be dropped: the canvas (a component of its own, as it must sit inside the DndContext). */
function CanvasDropZone({ onElement, children }: { onElement: (element: HTMLDivElement | null) => void; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: 'canvas' });
  // A stable ref: a new callback each render would unregister the drop zone while a drag measures it.
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      onElement(element);
      setNodeRef(element);
    },
    [onElement, setNodeRef],
  );
  return (
    <div className="builder-canvas" ref={ref}>
      {children}
    </div>
  );
}
