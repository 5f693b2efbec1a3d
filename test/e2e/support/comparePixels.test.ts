import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { comparePixels } from './comparePixels.ts';

type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [29, 35, 48, 255];

/** A 40×30 picture of `background` with a 10×6 box of `box` at (x, y). */
function picture({ x = 10, y = 10, box = INK, background = WHITE }: { x?: number; y?: number; box?: Rgba; background?: Rgba } = {}): PNG {
  const png = new PNG({ width: 40, height: 30 });
  for (let row = 0; row < png.height; row++)
    for (let column = 0; column < png.width; column++) {
      const inBox = column >= x && column < x + 10 && row >= y && row < y + 6;
      png.data.set(inBox ? box : background, (row * png.width + column) * 4);
    }
  return png;
}

const tolerance = { colourThreshold: 0.1 };

describe('comparePixels', () => {
  it('finds no difference between a picture and itself', () => {
    expect(comparePixels(picture(), picture(), tolerance)).toMatchObject({ differing: 0, total: 1200 });
  });

  it('lets through colours closer than the threshold (anti-aliasing), not a box moved by 4 px', () => {
    expect(comparePixels(picture(), picture({ box: [40, 44, 58, 255] }), tolerance).differing).toBe(0);
    // The box moved down: 4 rows of 10 pixels appear below, 4 rows disappear above.
    expect(comparePixels(picture(), picture({ y: 14 }), tolerance).differing).toBe(80);
  });

  it('sees a transparent pixel as white, as the screen shows it', () => {
    expect(comparePixels(picture(), picture({ background: [0, 0, 0, 0] }), tolerance).differing).toBe(0);
  });

  it('counts every pixel as different when the sizes differ', () => {
    const wider = new PNG({ width: 41, height: 30 });
    expect(comparePixels(picture(), wider, tolerance)).toMatchObject({ differing: 41 * 30, total: 41 * 30 });
  });

  it('draws the differing pixels in red on a faded copy of the reference', () => {
    const { diff } = comparePixels(picture(), picture({ y: 14 }), tolerance);
    const at = (column: number, row: number) => [...diff.data.subarray((row * 40 + column) * 4, (row * 40 + column) * 4 + 4)];
    expect(at(12, 17)).toEqual([255, 0, 0, 255]);
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    // Ink in both pictures: kept, faded to a light grey.
    const [red, green, blue] = at(12, 14);
    expect([green, blue]).toEqual([red, red]);
    expect(red).toBeGreaterThan(200);
    expect(red).toBeLessThan(255);
  });
});
