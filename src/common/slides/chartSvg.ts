/** The style properties that make a chart look as on screen once its stylesheet is gone. */
const KEPT_STYLES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'visibility', 'display'] as const;

/**
 * A chart drawn on screen (recharts draws SVG) as a standalone SVG file: the drawing copied with
 * its computed sizes and the computed colours and fonts written onto each element (the app's
 * stylesheet does not travel with the file), a white background and the chart's title on top.
 */
export function chartSvg(drawing: SVGSVGElement, title: string): { readonly svg: string; readonly width: number; readonly height: number } {
  const box = drawing.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const plotHeight = Math.max(1, Math.round(box.height));
  const heading = 40;
  const height = plotHeight + heading;
  const copy = drawing.cloneNode(true) as SVGSVGElement;
  const originals = [drawing, ...drawing.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i];
    if (!(target instanceof Element)) return;
    const computed = getComputedStyle(original);
    const style = KEPT_STYLES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(heading));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(plotHeight));
  const outer = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  outer.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height));
  outer.setAttribute('viewBox', `0 0 ${width} ${height}`);
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  const caption = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  caption.setAttribute('x', '8');
  caption.setAttribute('y', '26');
  caption.setAttribute('font-size', '18');
  caption.setAttribute('font-weight', '700');
  caption.setAttribute('fill', '#111827');
  // textContent is escaped by the serialiser: a hostile Workflow name stays text.
  caption.textContent = title;
  outer.append(background, caption, copy);
  return { svg: new XMLSerializer().serializeToString(outer), width, height };
}
