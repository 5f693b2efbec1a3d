import type { StepFunnel } from '../../../simulator/schema/population.ts';
import { svgText } from './runTimelineSvg.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

const WIDTH = 1200;
const ROW = 34;
/** Steps drawn at most; a longer Workflow's rest is counted under them. */
const MAX_STEPS = 40;

const clip = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** How far the runs got, as a standalone SVG: a bar per step in path order, as long as the runs that reached it, with the count and share of the runs started. */
export function funnelSvg(funnel: StepFunnel, title: string): { readonly svg: string; readonly width: number; readonly height: number } {
  const steps = funnel.steps.slice(0, MAX_STEPS);
  const left = funnel.steps.length - steps.length;
  const started = funnel.steps[0]?.reached ?? 0;
  const widest = Math.max(1, ...funnel.steps.map((step) => step.reached));
  const height = 70 + (steps.length + (left > 0 ? 1 : 0)) * ROW + 20;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="40" font-size="22" font-weight="700" fill="#111827">${svgText(clip(title, 90))}</text>`,
  ];
  steps.forEach((step, i) => {
    const y = 70 + i * ROW;
    const share = started > 0 ? ` (${Math.round((step.reached / started) * 100)}%)` : '';
    out.push(`<text x="24" y="${y + 18}" font-size="15" fill="#111827">${svgText(clip(step.label, 40))}</text>`);
    out.push(`<rect x="380" y="${y + 4}" width="600" height="18" fill="#e5e7eb"/>`);
    out.push(`<rect x="380" y="${y + 4}" width="${((step.reached / widest) * 600).toFixed(1)}" height="18" fill="#2563eb"/>`);
    out.push(`<text x="996" y="${y + 18}" font-size="15" fill="#374151">${formatCount(step.reached)} reached${share}</text>`);
  });
  if (left > 0) out.push(`<text x="24" y="${70 + steps.length * ROW + 18}" font-size="14" fill="#6b7280">…and ${formatCount(left)} more steps</text>`);
  out.push('</svg>');
  return { svg: out.join('\n'), width: WIDTH, height };
}
