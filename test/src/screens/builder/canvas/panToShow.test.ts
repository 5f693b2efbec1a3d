import { describe, expect, it } from 'vitest';
import { panToShow, SHOW_MARGIN } from '../../../../../src/screens/builder/canvas/panToShow.ts';

const PANE = { width: 600, height: 500 };
const NODE = { width: 260, height: 84 };

describe('panToShow', () => {
  it('leaves the view alone when the box is shown whole, even inside the margin', () => {
    expect(panToShow({ x: 100, y: 100, ...NODE }, { x: 0, y: 0, zoom: 1 }, PANE)).toBeNull();
    expect(panToShow({ x: 0, y: 0, width: PANE.width, height: PANE.height }, { x: 0, y: 0, zoom: 1 }, PANE)).toBeNull();
  });

  it('pans a box only partly shown to the margin', () => {
    expect(panToShow({ x: 400, y: 100, ...NODE }, { x: 0, y: 0, zoom: 1 }, PANE)).toEqual({ x: PANE.width - SHOW_MARGIN.right - 660, y: 0, zoom: 1 });
  });

  it('pans up just enough to show a box below the view, its bottom the margin above the pane’s', () => {
    const view = panToShow({ x: 100, y: 600, ...NODE }, { x: 0, y: 0, zoom: 1 }, PANE);
    expect(view).toEqual({ x: 0, y: PANE.height - SHOW_MARGIN.bottom - 684, zoom: 1 });
  });

  it('pans at the zoom shown, which it keeps: a box half off the right side at half size', () => {
    const view = panToShow({ x: 1000, y: 0, ...NODE }, { x: 0, y: 100, zoom: 0.5 }, PANE);
    expect(view).toEqual({ x: PANE.width - SHOW_MARGIN.right - (1000 + 260) * 0.5, y: 100, zoom: 0.5 });
  });

  it('shows a box left of and above the view from its top-left corner, clear of the zoom controls', () => {
    expect(panToShow({ x: -400, y: -300, ...NODE }, { x: 0, y: 0, zoom: 1 }, PANE)).toEqual({ x: SHOW_MARGIN.left + 400, y: SHOW_MARGIN.top + 300, zoom: 1 });
  });

  it('shows a box wider than the pane from its left side', () => {
    expect(panToShow({ x: 0, y: 100, width: 900, height: 84 }, { x: 200, y: 0, zoom: 1 }, PANE)).toEqual({ x: SHOW_MARGIN.left, y: 0, zoom: 1 });
  });
});
