/** Reads what a message may mention about its contact. */
export interface TemplateContact {
  readonly id: string;
  readonly name: string;
  field(name: string): string | undefined;
}

type Part = string | { readonly path: string };

/** A message text with `{{contact.name}}`, `{{contact.id}}`, `{{contact.fields.x}}` placeholders, parsed once. */
export interface MessageTemplate {
  readonly text: string;
  readonly parts: readonly Part[] | null;
  /** Whether it mentions contact fields (which change over time), not only the name and id. */
  readonly readsFields: boolean;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export function parseMessageTemplate(text: string): MessageTemplate {
  if (!text.includes('{{')) return { text, parts: null, readsFields: false };
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index));
    parts.push({ path: match[1] as string });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  const readsFields = parts.some((part) => typeof part !== 'string' && part.path !== 'contact.name' && part.path !== 'contact.id');
  return { text, parts, readsFields };
}

/** The text the contact receives; unknown placeholders become empty. */
export function renderMessage(template: MessageTemplate, contact: TemplateContact): string {
  if (template.parts === null) return template.text;
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') out += part;
    else if (part.path === 'contact.name') out += contact.name;
    else if (part.path === 'contact.id') out += contact.id;
    else if (part.path.startsWith('contact.fields.')) out += contact.field(part.path.slice(15)) ?? '';
  }
  return out;
}
