import { describe, expect, it } from 'vitest';
import { scriptHoverDoc } from '../../../../../../src/parts/scripts/editor/json/scriptHover.ts';

/** The hover doc where `|` is, as text, with the span it is for. */
function hover(textWithCursor: string) {
  const position = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const doc = scriptHoverDoc(text, position);
  return doc && { text: doc.text, over: text.slice(doc.from, doc.to) };
}

describe('scriptHoverDoc: what the published schema says of the key or value under the pointer', () => {
  it("explains an event's time with the schema's description", () => {
    expect(hover('{"events": [{"a|t": "+0", "type": "assign"}]}')).toEqual({ text: expect.stringContaining('An offset from the script start') as string, over: '"at"' });
  });

  it('lists the values a key allows and its default', () => {
    expect(hover('{"users": [{"ro|le": "agent"}]}')?.text).toBe('string\nOne of: "owner", "manager", "agent"\nDefault: "agent"');
  });

  it("names an event type as the form's Type picker does", () => {
    expect(hover('{"events": [{"type": "tag.a|dd"}]}')).toEqual({ text: expect.stringMatching(/Tag added$/) as string, over: '"tag.add"' });
  });

  it('says nothing between values or outside the script', () => {
    expect(hover('{"name": "x",|  "start": "y"}')).toBeNull();
    expect(hover('|{}')).toBeNull();
  });
});
