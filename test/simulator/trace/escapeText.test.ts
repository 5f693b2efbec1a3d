import { describe, expect, it } from 'vitest';
import { escapeJsonLine, escapeText } from '../../../simulator/trace/escapeText.ts';

describe('escapeText', () => {
  it('keeps ordinary text, other scripts and emoji as they are', () => {
    for (const text of ['', 'Dana', 'Just checking in — did we answer your question?', 'Zoë Ødegård', '日本語', 'مرحبا', '👋🏽 hi', '"quoted" \\ back']) {
      expect(escapeText(text)).toBe(text);
    }
  });

  it('writes line breaks, NUL, ESC, tab and DEL as \\u{…}', () => {
    expect(escapeText('a\nb')).toBe('a\\u{a}b');
    expect(escapeText('a\r\nb')).toBe('a\\u{d}\\u{a}b');
    expect(escapeText('\0')).toBe('\\u{0}');
    expect(escapeText('\u001b[31mred')).toBe('\\u{1b}[31mred');
    expect(escapeText('a\tb')).toBe('a\\u{9}b');
    expect(escapeText('\u007f')).toBe('\\u{7f}');
  });

  it('escapes every C0 and C1 control, the line separators and the bidi controls', () => {
    const unsafe = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x2028,
      0x2029,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
    ];
    for (const code of unsafe) expect(escapeText(`x${String.fromCodePoint(code)}y`)).toBe(`x\\u{${code.toString(16)}}y`);
    // Neighbours are kept.
    for (const code of [0x20, 0x7e, 0xa0, 0x2027, 0x202f, 0x2065, 0x206a, 0x200f]) {
      const char = String.fromCodePoint(code);
      expect(escapeText(char)).toBe(char);
    }
  });

  it('escapes a lone surrogate but keeps a pair', () => {
    expect(escapeText('\ud83d')).toBe('\\u{d83d}');
    expect(escapeText('a\ude00b')).toBe('a\\u{de00}b');
    expect(escapeText('\ud83d\ude00')).toBe('😀');
  });

  it('leaves no line break in its output, and escaping twice changes nothing more', () => {
    const hostile = 'Dana\nfile.json: $.name: forged\u202egnp.exe\0\u2028\u0085';
    const once = escapeText(hostile);
    expect(once).not.toMatch(/[\n\r\u0085\u2028\u202e\0]/);
    expect(escapeText(once)).toBe(once);
  });
});

describe('escapeJsonLine', () => {
  it('leaves JSON without such characters as it is', () => {
    const line = JSON.stringify({ text: 'Hi — 👋 "x"\n', n: 1 });
    expect(escapeJsonLine(line)).toBe(line);
  });

  it('writes DEL, C1, U+2028/9 and the bidi controls as JSON escapes that parse back to the same value', () => {
    const value = { name: 'a\u202eb\u2066c\u2069\u2028\u2029\u007f\u0085\u009fd' };
    const line = escapeJsonLine(JSON.stringify(value));
    expect(line).toBe('{"name":"a\\u202eb\\u2066c\\u2069\\u2028\\u2029\\u007f\\u0085\\u009fd"}');
    expect(JSON.parse(line)).toEqual(value);
  });
});
