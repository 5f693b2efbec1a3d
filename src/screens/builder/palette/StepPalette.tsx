import { useDraggable } from '@dnd-kit/core';
import type { StepType } from '../../../../simulator/schema/step.ts';
import { STEP_ICONS } from '../../../parts/canvas/steps/stepIcons.tsx';
import { STEP_KINDS, type StepKind } from '../../../parts/canvas/steps/stepKinds.ts';

/** What a palette item carries while dragged. */
export interface PaletteDragData {
  readonly stepType: StepType;
}

export const paletteDragId = (type: StepType) => `palette:${type}`;

interface Props {
  /** Adds a step without dragging (Enter or a click on the item): below the selected step, else in view. */
  readonly onAdd: (type: StepType) => void;
}

/**
 * The steps that can be added, grouped. Drag one onto the canvas — below a step or onto its
 * output to follow it, onto an edge to insert it there — or focus it and press Enter.
 */
export function StepPalette({ onAdd }: Props) {
  const groups = new Map<StepKind['group'], StepKind[]>();
  for (const kind of STEP_KINDS) groups.set(kind.group, [...(groups.get(kind.group) ?? []), kind]);
  return (
    <nav className="palette" aria-label="Steps">
      <h2 className="palette__title">Steps</h2>
      <p className="palette__hint">Drag below a step to follow it, onto an arrow to insert, or press Enter.</p>
      {[...groups].map(([group, kinds]) => (
        <section key={group} className="palette__group" aria-label={group}>
          <h3 className="palette__group-title">{group}</h3>
          <ul className="palette__list">
            {kinds.map((kind) => (
              <li key={kind.type}>
                <PaletteItem kind={kind} onAdd={onAdd} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function PaletteItem({ kind, onAdd }: { kind: StepKind; onAdd: (type: StepType) => void }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteDragId(kind.type), data: { stepType: kind.type } satisfies PaletteDragData });
  const Icon = STEP_ICONS[kind.type];
  // dnd-kit's keyboard sensor is not used: Enter adds the step directly, which is what a keyboard user wants.
  // So its screen-reader instructions (press space to pick up, arrows to move) do not apply, and as
  // `aria-describedby` they would hide the item's own description.
  const { role: _role, tabIndex: _tabIndex, 'aria-describedby': _instructions, ...dragAttributes } = attributes;
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`palette__item${isDragging ? ' palette__item--dragging' : ''}`}
      title={kind.description}
      aria-description={kind.description}
      onClick={() => onAdd(kind.type)}
      {...dragAttributes}
      {...listeners}
    >
      <Icon aria-hidden size={16} /> {kind.name}
    </button>
  );
}
