import { useDraggable } from '@dnd-kit/core';
import type { LucideIcon } from 'lucide-react';
import type { StepType } from '../../../../simulator/schema/step.ts';
import { STEP_ICONS, WHEN_STOPPED_ICON } from '../../../parts/canvas/steps/stepIcons.tsx';
import { STEP_KINDS, type StepKind } from '../../../parts/canvas/steps/stepKinds.ts';
import { WHEN_STOPPED_HINT, WHEN_STOPPED_NAME } from '../../../parts/canvas/WhenStoppedNode.tsx';
import { ONE_WHEN_STOPPED } from './paletteAvailability.ts';
import './palette.css';

/** What a palette item carries while dragged: a kind of step, or the When stopped entry. */
export type PaletteDragData = { readonly stepType: StepType } | { readonly whenStopped: true };

export const paletteDragId = (type: StepType) => `palette:${type}`;
export const WHEN_STOPPED_DRAG_ID = 'palette:when-stopped';

interface Props {
  /** Adds a step without dragging (Enter or a click on the item): below the selected step, else in view. */
  readonly onAdd: (type: StepType) => void;
  /** Adds the When stopped entry without dragging: beside the flow. */
  readonly onAddWhenStopped: () => void;
  /** The Workflow has its When stopped entry already (there is at most one). */
  readonly hasWhenStopped: boolean;
  /** Kinds offered disabled, with the reason (a step not allowed where the selected node is). */
  readonly unavailable: ReadonlyMap<StepType, string>;
}

/**
 * The steps that can be added, grouped, and last the When stopped entry (after the steps, so the
 * palette opens on them and Tab reaches them first). Drag one onto the canvas —
 * below a step or onto its output to follow it, onto an edge to insert it there — or focus it and
 * press Enter.
 */
export function StepPalette({ onAdd, onAddWhenStopped, hasWhenStopped, unavailable }: Props) {
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
                <PaletteItem
                  dragId={paletteDragId(kind.type)}
                  data={{ stepType: kind.type }}
                  icon={STEP_ICONS[kind.type]}
                  name={kind.name}
                  description={kind.description}
                  disabledReason={unavailable.get(kind.type) ?? null}
                  onAdd={() => onAdd(kind.type)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="palette__group" aria-label="After a stop">
        <h3 className="palette__group-title">After a stop</h3>
        <ul className="palette__list">
          <li>
            <PaletteItem
              dragId={WHEN_STOPPED_DRAG_ID}
              data={{ whenStopped: true }}
              icon={WHEN_STOPPED_ICON}
              name={WHEN_STOPPED_NAME}
              description={WHEN_STOPPED_HINT}
              disabledReason={hasWhenStopped ? ONE_WHEN_STOPPED : null}
              onAdd={onAddWhenStopped}
            />
          </li>
        </ul>
      </section>
    </nav>
  );
}

interface ItemProps {
  readonly dragId: string;
  readonly data: PaletteDragData;
  readonly icon: LucideIcon;
  readonly name: string;
  readonly description: string;
  /** Why it cannot be added now, or null when it can. */
  readonly disabledReason: string | null;
  readonly onAdd: () => void;
}

function PaletteItem({ dragId, data, icon: Icon, name, description, disabledReason, onAdd }: ItemProps) {
  const disabled = disabledReason !== null;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: dragId, data, disabled });
  // dnd-kit's keyboard sensor is not used: Enter adds the step directly, which is what a keyboard user wants.
  // So its screen-reader instructions (press space to pick up, arrows to move) do not apply, and as
  // `aria-describedby` they would hide the item's own description.
  const { role: _role, tabIndex: _tabIndex, 'aria-describedby': _instructions, 'aria-disabled': _dragDisabled, ...dragAttributes } = attributes;
  // aria-disabled rather than disabled: the item stays focusable and hoverable, so its reason can be read.
  const explained = disabled ? `${description}. ${disabledReason}` : description;
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`palette__item${isDragging ? ' palette__item--dragging' : ''}${disabled ? ' palette__item--disabled' : ''}`}
      title={explained}
      aria-description={explained}
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onAdd}
      {...dragAttributes}
      {...listeners}
    >
      <Icon aria-hidden size={16} /> {name}
    </button>
  );
}
