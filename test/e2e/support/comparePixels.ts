import { PNG } from 'pngjs';

export interface PixelTolerance {
  /**
   * How far two colours may be apart and still count as the same pixel, from 0 (exactly equal) to 1
   * (anything goes), as a share of the largest perceived difference (black against white). 0.1
   * absorbs anti-aliasing and sub-pixel text rendering; a border or a glyph that moved does not pass.
   */
  readonly colourThreshold: number;
}

export interface PixelComparison {
  /** Pixels whose colours differ by more than the threshold (all of them when the sizes differ). */
  readonly differing: number;
  readonly total: number;
  /** The reference, faded, with each differing pixel in red: what a reviewer opens. */
  readonly diff: PNG;
}

/**
 * Compares two screenshots pixel by pixel with the perceived colour difference of the YIQ colour
 * space (Kotsarenko and Ramos, "Measuring perceived color difference using YIQ NTSC transmission
 * color space", the measure pixelmatch uses), after blending each pixel onto white.
 *
 * @example comparePixels(PNG.sync.read(reference), PNG.sync.read(actual), { colourThreshold: 0.1 }).differing
 */
export function comparePixels(reference: PNG, actual: PNG, { colourThreshold }: PixelTolerance): PixelComparison {
  const width = Math.max(reference.width, actual.width);
  const height = Math.max(reference.height, actual.height);
  const diff = new PNG({ width, height });
  if (reference.width !== actual.width || reference.height !== actual.height) {
    diff.data.fill(255);
    return { differing: width * height, total: width * height, diff };
  }
  const maxDelta = MAX_YIQ_DELTA * colourThreshold * colourThreshold;
  let differing = 0;
  for (let offset = 0; offset < reference.data.length; offset += 4) {
    const delta = colourDelta(reference.data, actual.data, offset);
    if (delta > maxDelta) {
      differing++;
      paint(diff.data, offset, 255, 0, 0);
    } else {
      const grey = 255 - (255 - luma(reference.data, offset)) * 0.1;
      paint(diff.data, offset, grey, grey, grey);
    }
  }
  return { differing, total: width * height, diff };
}

/** The YIQ difference of black against white. */
const MAX_YIQ_DELTA = 35215;

function colourDelta(a: Buffer, b: Buffer, offset: number): number {
  const [r1, g1, b1] = onWhite(a, offset);
  const [r2, g2, b2] = onWhite(b, offset);
  const y = rgbToY(r1, g1, b1) - rgbToY(r2, g2, b2);
  const i = rgbToI(r1, g1, b1) - rgbToI(r2, g2, b2);
  const q = rgbToQ(r1, g1, b1) - rgbToQ(r2, g2, b2);
  return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
}

function onWhite(data: Buffer, offset: number): [number, number, number] {
  const alpha = (data[offset + 3] ?? 255) / 255;
  const blend = (channel: number) => 255 + ((data[offset + channel] ?? 0) - 255) * alpha;
  return [blend(0), blend(1), blend(2)];
}

const rgbToY = (r: number, g: number, b: number) => r * 0.29889531 + g * 0.58662247 + b * 0.11448223;
const rgbToI = (r: number, g: number, b: number) => r * 0.59597799 - g * 0.2741761 - b * 0.32180189;
const rgbToQ = (r: number, g: number, b: number) => r * 0.21147017 - g * 0.52261711 + b * 0.31114694;

function luma(data: Buffer, offset: number): number {
  const [r, g, b] = onWhite(data, offset);
  return rgbToY(r, g, b);
}

function paint(data: Buffer, offset: number, r: number, g: number, b: number): void {
  data[offset] = r;
  data[offset + 1] = g;
  data[offset + 2] = b;
  data[offset + 3] = 255;
}
