import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../../src/common/slides/csv.ts';
import { stopReasonSchema, type StopReason } from '../../../../simulator/schema/script.ts';
import { stopsCsv } from '../../../../src/common/slides/chartCsv.ts';

describe('toCsv', () => {
  it('quotes cells holding commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv([['name', 'count'], ['Lead, nurture "A"', 3], ['two\nlines', 0]])).toBe('name,count\r\n"Lead, nurture ""A""",3\r\n"two\nlines",0\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes the stops over time with a header row and a column per reason', () => {
    const zero = Object.fromEntries(stopReasonSchema.options.map((reason) => [reason, 0])) as Record<StopReason, number>;
    const csv = stopsCsv({ end: 7_200_000, asOf: 7_200_000, bucketMs: 3_600_000, buckets: [{ from: 0, to: 3_600_000, stopped: { ...zero, incoming_message: 2 } }, { from: 3_600_000, to: 7_200_000, stopped: zero }], total: { ...zero, incoming_message: 2 } });
    const [header, first] = csv.split('\r\n');
    expect(header).toMatch(/^from_ms,to_ms,from,to,.*incoming_message.*,all$/);
    expect(first).toMatch(/^0,3600000,'\+0,'\+1h,/);
    expect(first?.endsWith(',2')).toBe(true);
  });
});
