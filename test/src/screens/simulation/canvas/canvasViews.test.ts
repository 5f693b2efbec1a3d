import { describe, expect, it } from 'vitest';
import { openingView, viewRevealing } from '../../../../../src/screens/simulation/canvas/canvasViews.ts';

const OPENING = { maxZoom: 1, readableZoom: 0.8, padding: 24 };

describe('openingView', () => {
  it('shows a small Workflow whole, centred, never larger than life', () => {
    expect(openingView({ x: 0, y: 0, width: 514, height: 540 }, { width: 1400, height: 900 }, OPENING)).toEqual({ x: (1400 - 514) / 2, y: (900 - 540) / 2, zoom: 1 });
  });

  it('zooms out to fit while the badges stay readable', () => {
    const view = openingView({ x: -100, y: 0, width: 1000, height: 800 }, { width: 1000, height: 748 }, OPENING);
    expect(view.zoom).toBeCloseTo(0.875);
    // Centred across and down: the Workflow's middle at the pane's.
    expect(view.x + (-100 + 500) * view.zoom).toBeCloseTo(500);
    expect(view.y + 400 * view.zoom).toBeCloseTo(374);
  });

  it('stops at the readable zoom and then shows the Workflow from its top, where the trigger is, not from its middle', () => {
    const view = openingView({ x: -160, y: 0, width: 1050, height: 820 }, { width: 826, height: 360 }, OPENING);
    expect(view.zoom).toBe(0.8);
    expect(view.y).toBe(24);
    // 1050 × 0.8 = 840 is wider than the pane too: from its left edge.
    expect(view.x).toBe(24 + 160 * 0.8);
  });
});

describe('openingView beside the zoom controls', () => {
  const beside = { ...OPENING, clearLeft: 41 };

  it('fits and centres the Workflow in the pane beside the controls’ strip, never under it', () => {
    const view = openingView({ x: 0, y: 0, width: 1000, height: 300 }, { width: 1000, height: 600 }, beside);
    expect(view.zoom).toBeCloseTo((1000 - 41 - 48) / 1000);
    // Its left edge clear of the strip by the padding, its middle at the middle of the room beside it.
    expect(view.x).toBeCloseTo(41 + 24);
    expect(view.x + 500 * view.zoom).toBeCloseTo(41 + (1000 - 41) / 2);
  });

  it('from its top-left corner, when it does not fit: right of the strip', () => {
    const view = openingView({ x: 0, y: 0, width: 3000, height: 3000 }, { width: 800, height: 600 }, beside);
    expect(view).toEqual({ x: 41 + 24, y: 24, zoom: 0.8 });
  });
});

describe('viewRevealing', () => {
  const pane = { width: 800, height: 360 };

  it('does not move a view that already shows the rectangle with its margin', () => {
    expect(viewRevealing({ x: 0, y: 100, width: 500, height: 100 }, { x: 100, y: 0, zoom: 1 }, pane, 24)).toBeNull();
  });

  it('centres a rectangle below the edge at the same zoom', () => {
    const view = viewRevealing({ x: 0, y: 480, width: 500, height: 100 }, { x: 100, y: 24, zoom: 0.8 }, pane, 24);
    expect(view).toEqual({ x: 400 - 250 * 0.8, y: 180 - 530 * 0.8, zoom: 0.8 });
  });

  it('also moves for a rectangle only partly in view, or too near the edge', () => {
    expect(viewRevealing({ x: 0, y: 300, width: 500, height: 100 }, { x: 100, y: 0, zoom: 1 }, pane, 24)).not.toBeNull();
    expect(viewRevealing({ x: 0, y: 250, width: 500, height: 100 }, { x: 100, y: 0, zoom: 1 }, pane, 24)).not.toBeNull();
  });

  it('zooms out only as far as needed for a rectangle taller than the pane', () => {
    const view = viewRevealing({ x: 0, y: 0, width: 500, height: 624 }, { x: 0, y: -2000, zoom: 1 }, pane, 24);
    expect(view?.zoom).toBeCloseTo(312 / 624);
  });
});
