import type { TemplateContact } from './messageTemplate.ts';

/** What steps may read about a contact. */
export interface ContactView extends TemplateContact {
  hasTag(tag: string): boolean;
  readonly lastMessage: string | null;
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * One contact's live state. Tags and fields start as the script's (shared by every generated
 * contact of a population) and are copied only when a step or event changes them.
 */
export class ContactState implements ContactView {
  assignee: string | null = null;
  conversationOpen: boolean;
  lastMessage: string | null = null;
  private tags: Set<string> | null = null;
  private fields: Map<string, string> | null = null;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly name: string,
    private readonly baseTags: ReadonlySet<string> = NO_TAGS,
    private readonly baseFields: Readonly<Record<string, string>> = {},
    conversationOpen = false,
  ) {
    this.conversationOpen = conversationOpen;
  }

  hasTag(tag: string): boolean {
    return (this.tags ?? this.baseTags).has(tag);
  }

  /** Adds a tag; false when the contact already had it. */
  addTag(tag: string): boolean {
    if (this.hasTag(tag)) return false;
    this.tags ??= new Set(this.baseTags);
    this.tags.add(tag);
    return true;
  }

  /** Removes a tag; false when the contact did not have it. */
  removeTag(tag: string): boolean {
    if (!this.hasTag(tag)) return false;
    this.tags ??= new Set(this.baseTags);
    this.tags.delete(tag);
    return true;
  }

  field(name: string): string | undefined {
    if (this.fields) return this.fields.get(name);
    return Object.hasOwn(this.baseFields, name) ? this.baseFields[name] : undefined;
  }

  setField(name: string, value: string): void {
    this.fields ??= new Map(Object.entries(this.baseFields));
    this.fields.set(name, value);
  }
}
