import { describe, expect, it } from 'vitest';
import { stopReasonSchema, type StopReason } from '../../../../simulator/schema/script.ts';
import { funnelCsv } from '../../../../src/common/slides/chartCsv.ts';
import { funnelSvg } from '../../../../src/common/slides/funnelSvg.ts';

const zero = Object.fromEntries(stopReasonSchema.options.map((reason) => [reason, 0])) as Record<StopReason, number>;
const step = (id: string, label: string, reached: number) => ({ step: id, label, type: 'send_message', reached, passes: reached, waiting: 0, completed: 0, failed: 0, stopped: zero });

describe('the funnel for slides', () => {
  it('writes a step named like a formula as text, and escapes it in the picture', () => {
    const funnel = { workflow: 'w', name: 'W', steps: [step('trigger', 'Start', 10), step('s1', '=HYPERLINK("x")<b>', 4)] };
    const [header, , hostile] = funnelCsv(funnel).split('\r\n');
    expect(header?.startsWith('step,label,type,reached,passes,waiting,completed,failed,stopped_manual')).toBe(true);
    expect(hostile).toBe(`s1,"'=HYPERLINK(""x"")<b>",send_message,4,4,0,0,0,${stopReasonSchema.options.map(() => 0).join(',')}`);
    const { svg } = funnelSvg(funnel, 'W: how far the runs got');
    expect(svg).toContain('=HYPERLINK(&quot;x&quot;)&lt;b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('4 reached (40%)');
  });

  it('draws at most forty steps of a huge Workflow and counts the rest', () => {
    const funnel = { workflow: 'w', name: 'W', steps: Array.from({ length: 5_000 }, (_, i) => step(`s${i}`, `Step ${i}`, 5_000 - i)) };
    const { svg, height } = funnelSvg(funnel, 'W');
    expect(svg).toContain('…and 4,960 more steps');
    expect(svg).not.toContain('Step 40<');
    expect(height).toBeLessThan(1_600);
  });
});
