import type { Size } from './box.ts';
import { outputHandleX } from './nodeSize.ts';
import './nodes.css';

/** The side of a handle as the stylesheet draws it (`.flow-handle`), and the plain card's border (`.flow-node--plain`). */
const HANDLE = 10;
const BORDER = 4;

interface Props {
  /** What the node is, read by screen readers in place of its text: "Send message: Welcome". */
  readonly name: string;
  /** The card's classes: kind, problems, selection, as the full node has them. */
  readonly className: string;
  readonly testId: string;
  readonly size: Size;
  /** Its outputs' handle ids, in order; where its edges leave. */
  readonly outputs: readonly string[];
  /** Whether edges come into it (a step; not an entry). */
  readonly hasTarget: boolean;
}

/**
 * A node of a large graph zoomed out (`useZoomedOut`): the card's box, at the size the node is laid out with
 * (`nodeSize`), with no text, icon or handles. Edges still need to know where they meet it: an
 * invisible anchor per handle, where the full node has its handle, is what React Flow measures in
 * place of the handles (it reads any element with the `source` or `target` class), so a node first
 * drawn zoomed out keeps its edges. Anchors take no input: nothing is connected at this zoom.
 */
export function PlainNode({ name, className, testId, size, outputs, hasTarget }: Props) {
  const anchor = (x: number, y: number) => ({ left: x - HANDLE / 2 - BORDER, top: y - HANDLE / 2 - BORDER });
  return (
    <div className={`${className} flow-node--plain`} style={{ width: size.width, height: size.height }} role="img" aria-label={name} data-testid={testId}>
      {hasTarget && <span className="flow-node__anchor target" data-handlepos="top" style={anchor(size.width / 2, 0)} />}
      {outputs.map((id, i) => (
        <span key={id} className="flow-node__anchor source" data-handleid={id} data-handlepos="bottom" style={anchor(outputHandleX(size.width, outputs.length, i), size.height)} />
      ))}
    </div>
  );
}
