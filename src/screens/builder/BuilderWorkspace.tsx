import { DndContext, DragOverlay, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragMoveEvent, type DragStartEvent } from '@dnd-kit/core';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StepType } from '../../../simulator/schema/step.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { useSavedViewport } from '../../persistence/storedWorkflowHooks.ts';
import { useRememberViewport } from '../../persistence/useRememberViewport.ts';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { nodeMeasures } from '../../parts/canvas/flowElements.ts';
import { GRID, WorkflowCanvas, type DropTarget } from './canvas/WorkflowCanvas.tsx';
import { panToShow } from './canvas/panToShow.ts';
import { offerAutoLayout } from './commands/builderCommands.ts';
import { useBuilderShortcuts } from './commands/useBuilderShortcuts.ts';
import { NODE_SIZE, nodeSize } from '../../parts/canvas/nodeSize.ts';
import { dropSource } from './editing/dropSource.ts';
import { nodeBoxes, type NodeMeasure } from '../../parts/canvas/nodeBoxes.ts';
import { placeStep, type Placed, type Placement } from './editing/placeStep.ts';
import { addWhenStopped, nodeIds, type Position } from '../../model/workflowEdits.ts';
import { Inspector } from './inspector/Inspector.tsx';
import type { PaletteDragData } from './palette/StepPalette.tsx';
import { StepPalette } from './palette/StepPalette.tsx';
import { unavailableKinds } from './palette/paletteAvailability.ts';
import { besideTheFlow } from './editing/besideTheFlow.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { STEP_ICONS, WHEN_STOPPED_ICON } from '../../parts/canvas/steps/stepIcons.tsx';
import { WHEN_STOPPED_NAME } from '../../parts/canvas/WhenStoppedNode.tsx';
import { createStep, freeStepId, stepKind } from '../../parts/canvas/steps/stepKinds.ts';
import { triggerName } from '../../parts/canvas/steps/triggerName.ts';

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

/** How near an output handle, in screen pixels, a drop counts as dropped on it. */
const HANDLE_REACH = 16;

/** The height a new step will be drawn at: as tall as the tallest of its kind on the canvas (its summary and outputs), at least NODE_SIZE's; its width is its own (nodeWidth). */
function newStepHeight(type: StepType, measures: ReadonlyMap<string, NodeMeasure>, workflow: Workflow): number {
  let height: number = NODE_SIZE.height;
  for (const step of workflow.steps) if (step.type === type) height = Math.max(height, measures.get(step.id)?.size.height ?? 0);
  return height;
}

/** A node's name on screen: its label, else what it is. */
function nodeLabel(workflow: Workflow, id: string): string {
  if (id === workflow.trigger.id) return workflow.trigger.label || triggerName(workflow.trigger.type);
  if (id === workflow.whenStopped?.id) return workflow.whenStopped.label || WHEN_STOPPED_NAME;
  const step = workflow.steps.find((candidate) => candidate.id === id);
  return step ? step.label || stepKind(step.type).name : id;
}

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
  const rememberViewport = useRememberViewport();
  const flow = useReactFlow();
  const store = useAppStoreApi();
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const select = useAppStore((state) => state.select);
  const selectedIds = useAppStore((state) => state.selection.nodeIds);
  const panels = useAppStore((state) => state.builderPanels);
  const canvas = useRef<HTMLDivElement | null>(null);
  const onCanvasElement = useCallback((element: HTMLDivElement | null) => {
    canvas.current = element;
  }, []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragged, setDragged] = useState<PaletteDragData | null>(null);

  const problems = useMemo(() => validateWorkflow(workflow, { workflows: otherWorkflows }), [workflow, otherWorkflows]);
  const problemsByNode = useMemo(() => {
    const byNode = new Map<string, string[]>();
    for (const problem of problems) if (problem.stepId) byNode.set(problem.stepId, [...(byNode.get(problem.stepId) ?? []), problem.message]);
    return byNode;
  }, [problems]);

  /** The nodes' sizes and handles as the canvas drew them. */
  const measureCanvas = () => nodeMeasures(flow.getNodes().flatMap((node) => flow.getInternalNode(node.id) ?? []));

  /** Adds a step as placed (one edit, its push-down included), selects it, and offers Auto-layout when a drop joined it to the flow. */
  const place = (type: StepType, placement: Placement) => {
    const measures = measureCanvas();
    const options = { grid: GRID[0], height: newStepHeight(type, measures, workflow), handleReach: HANDLE_REACH / flow.getZoom() };
    // Typed by `as`: assigned in the callback, which TypeScript's narrowing does not see.
    let done = null as { id: string; how: Placed['how']; after: string } | null;
    // The id and the positions from the document as it is now: a second drop before the canvas redrew must not reuse either.
    editWorkflow((current) => {
      const id = freeStepId(type, nodeIds(current));
      const placed = placeStep(current, createStep(type, id, { x: 0, y: 0 }), placement, measures, options);
      done = { id, how: placed.how, after: placed.after ? nodeLabel(current, placed.after) : '' };
      return placed.workflow;
    });
    if (!done) return;
    select({ nodeIds: [done.id], edgeIds: [] });
    // Enter puts the step neatly under the selected one; only a drop leaves the flow to tidy.
    if (placement.kind === 'after') return;
    const name = stepKind(type).name;
    if (done.how === 'inserted') offerAutoLayout(store, `Inserted “${name}” after “${done.after}”`, 'The steps after it moved down to make room.');
    else if (done.how === 'connected') offerAutoLayout(store, `Added “${name}” after “${done.after}”`);
  };

  /** Where the pointer is on the screen while a palette step is dragged over the canvas, if it is. */
  const dropPoint = (event: DragMoveEvent): Position | null => {
    const start = event.activatorEvent as PointerEvent | null;
    return event.over?.id === 'canvas' && start ? { x: start.clientX + event.delta.x, y: start.clientY + event.delta.y } : null;
  };

  // While dragging, the edge the step would go into, or the node it would follow, is marked.
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const onDragMove = (event: DragMoveEvent) => {
    // The When stopped entry starts a path of its own: it goes into no edge and follows no node.
    if (dragged && 'whenStopped' in dragged) return;
    const drop = dropPoint(event);
    const edgeId = drop ? edgeAt(drop) : undefined;
    let next: DropTarget | null = edgeId ? { edgeId } : null;
    if (drop && !edgeId) {
      const pointer = flow.screenToFlowPosition(drop, { snapToGrid: false });
      const source = dropSource(pointer, nodeBoxes(workflow, measureCanvas()), workflow.edges, { handleReach: HANDLE_REACH / flow.getZoom() });
      if (source?.sourceHandle) next = { nodeId: source.nodeId };
    }
    setDropTarget((shown) => (shown?.edgeId === next?.edgeId && shown?.nodeId === next?.nodeId ? shown : next));
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    setDropTarget(null);
    const data = event.active.data.current as PaletteDragData | undefined;
    const drop = dropPoint(event);
    if (!data || !drop) return;
    const pointer = flow.screenToFlowPosition(drop, { snapToGrid: false });
    if ('whenStopped' in data) {
      const snap = (value: number) => Math.round(value / GRID[0]) * GRID[0];
      addEntry({ x: snap(pointer.x - NODE_SIZE.width / 2), y: snap(pointer.y - NODE_SIZE.height / 2) });
      return;
    }
    const edgeId = edgeAt(drop);
    place(data.stepType, edgeId ? { kind: 'edge', edgeId, pointer } : { kind: 'point', pointer });
  };

  /** Adds the When stopped entry (one edit, undoable) and selects it, so the palette offers what may follow it. */
  const addEntry = (position: Position) => {
    let added = null as string | null;
    editWorkflow((current) => {
      const next = addWhenStopped(current, position);
      added = next.whenStopped && next !== current ? next.whenStopped.id : null;
      return next;
    });
    if (added) select({ nodeIds: [added], edgeIds: [] });
  };

  /** Enter or a click on a palette item: below the selected node, joined to its first free output; else in the middle of the view. */
  const addFromKeyboard = (type: StepType) => {
    const [only] = selectedIds;
    if (selectedIds.length === 1 && only !== undefined && nodeIds(workflow).has(only)) {
      place(type, { kind: 'after', nodeId: only });
      return;
    }
    const box = canvas.current?.getBoundingClientRect();
    const pointer = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }, { snapToGrid: false }) : { x: 0, y: 0 };
    place(type, { kind: 'point', pointer });
  };

  // A problem shown from the Problems list or the "Not published" dialog: the store selected its step; the canvas brings it into view.
  const showProblem = useAppStore((state) => state.showProblem);
  const problemToShow = useAppStore((state) => state.problemToShow);
  const side = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!problemToShow?.stepId) return;
    // The click may come from far down a long Problems list, in the same scrolling panel as the inspector: the step's set-up must be seen.
    if (side.current) inspectorIntoView(side.current);
    const node = flow.getNode(problemToShow.stepId);
    // Centred on the node as drawn (a Stop reason branch is wider than most), or as it will be.
    const size = node ? (node.measured?.width !== undefined && node.measured.height !== undefined ? { width: node.measured.width, height: node.measured.height } : nodeSize(workflow.steps.find((step) => step.id === node.id))) : null;
    if (node && size) void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    showProblem(null);
  }, [problemToShow, flow, showProblem, workflow.steps]);

  // A node added and selected — from the palette, the settings' "Add a When stopped path", a paste —
  // is brought into view when the view does not show it whole: it may be placed below the last
  // step or beside the flow, out of sight. The selection can arrive a render after the document.
  const lastWorkflow = useRef(workflow);
  const added = useRef<readonly string[]>([]);
  useEffect(() => {
    const before = lastWorkflow.current;
    if (before !== workflow) {
      lastWorkflow.current = workflow;
      const had = nodeIds(before);
      added.current = before.id === workflow.id ? [...nodeIds(workflow)].filter((id) => !had.has(id)) : [];
    }
    const shown = added.current.filter((id) => selectedIds.includes(id));
    const pane = canvas.current?.getBoundingClientRect();
    if (shown.length === 0 || !pane) return;
    added.current = [];
    const boxes = shown.flatMap((id) => {
      const step = workflow.steps.find((candidate) => candidate.id === id);
      const position = step ? step.position : id === workflow.whenStopped?.id ? workflow.whenStopped.position : undefined;
      return position ? [{ ...position, ...(step ? nodeSize(step) : NODE_SIZE) }] : [];
    });
    if (boxes.length === 0) return;
    const x = Math.min(...boxes.map((box) => box.x));
    const y = Math.min(...boxes.map((box) => box.y));
    const around = { x, y, width: Math.max(...boxes.map((box) => box.x + box.width)) - x, height: Math.max(...boxes.map((box) => box.y + box.height)) - y };
    const view = panToShow(around, flow.getViewport(), { width: pane.width, height: pane.height });
    if (view) void flow.setViewport(view, { duration: 200 });
  }, [workflow, selectedIds, flow]);

  const unavailable = useMemo(() => unavailableKinds(workflow, selectedIds), [workflow, selectedIds]);
  const ghost = dragged === null ? null : 'whenStopped' in dragged ? { Icon: WHEN_STOPPED_ICON, name: WHEN_STOPPED_NAME } : { Icon: STEP_ICONS[dragged.stepType], name: stepKind(dragged.stepType).name };
  return (
    <DndContext
      sensors={sensors}
      onDragStart={(event: DragStartEvent) => setDragged((event.active.data.current as PaletteDragData | undefined) ?? null)}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDragged(null);
        setDropTarget(null);
      }}
    >
      <div className={`builder-workspace${panels.palette ? '' : ' builder-workspace--no-palette'}${panels.side ? '' : ' builder-workspace--no-side'}`}>
        {panels.palette && (
          <StepPalette
            onAdd={addFromKeyboard}
            onAddWhenStopped={() => addEntry(besideTheFlow(workflow, measureCanvas(), GRID[0]))}
            hasWhenStopped={workflow.whenStopped !== undefined}
            unavailable={unavailable}
          />
        )}
        <CanvasDropZone onElement={onCanvasElement}>
          {savedViewport === undefined ? (
            <p className="loading">Opening the canvas…</p>
          ) : (
            <WorkflowCanvas workflow={workflow} problems={problemsByNode} dropTarget={dropTarget} initialViewport={savedViewport} onViewportChange={(viewport) => rememberViewport(workflow.id, viewport)} />
          )}
        </CanvasDropZone>
        {/* Focusable: it scrolls inside itself when the inspector is long, and a keyboard must reach that. */}
        {panels.side && (
          <div className="builder-side" role="region" aria-label="Inspector and problems" tabIndex={0} ref={side}>
            <Inspector workflow={workflow} workflowNames={otherWorkflows.map((other) => other.name)} />
            <ProblemsList problems={problems} onShow={showProblem} workflow={workflow} />
          </div>
        )}
      </div>
      <DragOverlay dropAnimation={null}>
        {ghost && (
          <div className="palette__ghost">
            <ghost.Icon aria-hidden size={16} /> {ghost.name}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

/** Scrolls the side panel, and only it, so that the inspector's top is at its top, when it is not in sight already. */
function inspectorIntoView(side: HTMLElement) {
  const inspector = side.querySelector('.inspector');
  if (!inspector) return;
  const panel = side.getBoundingClientRect();
  const box = inspector.getBoundingClientRect();
  const heading = inspector.querySelector('.panel-title')?.getBoundingClientRect() ?? box;
  if (heading.top < panel.top || heading.bottom > panel.bottom) side.scrollTop += box.top - panel.top;
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
