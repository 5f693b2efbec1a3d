import type { ContactView } from './contactView.ts';

/** Where a contact's id, name and starting tags and fields come from (the script feed). */
export interface ContactSource {
  readonly contactCount: number;
  contactId(index: number): string;
  contactName(index: number): string;
  /** The script contact a contact is made from (a population shares one). */
  templateIndex(index: number): number;
}

/** Tags and fields of a contact that a step or event changed, copied from its template on first change. */
interface Changed {
  tags: Set<string>;
  fields: Map<string, string>;
}

/**
 * Every contact's live state. The common parts (conversation open, assignee, last message) are
 * typed-array columns; tags and fields are the template's until something changes them, and only
 * then copied for that contact — a population of 100,000 holds 100,000 contacts in a few MB.
 */
export class ContactTable {
  readonly conversationOpen: Uint8Array;
  /** Interned string ids (see `strings`), -1 for none. */
  readonly assignee: Int32Array;
  readonly lastMessage: Int32Array;
  private readonly changed = new Map<number, Changed>();

  constructor(
    private readonly source: ContactSource,
    private readonly templateTags: readonly ReadonlySet<string>[],
    private readonly templateFields: readonly Readonly<Record<string, string>>[],
    private readonly strings: { intern(text: string): number; text(id: number): string | undefined },
  ) {
    this.conversationOpen = new Uint8Array(source.contactCount);
    this.assignee = new Int32Array(source.contactCount).fill(-1);
    this.lastMessage = new Int32Array(source.contactCount).fill(-1);
  }

  hasTag(contact: number, tag: string): boolean {
    const changed = this.changed.get(contact);
    return changed ? changed.tags.has(tag) : (this.templateTags[this.source.templateIndex(contact)]?.has(tag) ?? false);
  }

  field(contact: number, name: string): string | undefined {
    const changed = this.changed.get(contact);
    if (changed) return changed.fields.get(name);
    const fields = this.templateFields[this.source.templateIndex(contact)] ?? {};
    return Object.hasOwn(fields, name) ? fields[name] : undefined;
  }

  /** Adds a tag; false when the contact already had it. */
  addTag(contact: number, tag: string): boolean {
    if (this.hasTag(contact, tag)) return false;
    this.own(contact).tags.add(tag);
    return true;
  }

  /** Removes a tag; false when the contact did not have it. */
  removeTag(contact: number, tag: string): boolean {
    if (!this.hasTag(contact, tag)) return false;
    this.own(contact).tags.delete(tag);
    return true;
  }

  setField(contact: number, name: string, value: string): void {
    this.own(contact).fields.set(name, value);
  }

  /** A read-only view of one contact for steps; reused, so read it before the next `view` call. */
  view(contact: number): ContactView {
    this.cursor.index = contact;
    return this.cursor;
  }

  private readonly cursor = new ContactCursor(this);

  /** @internal */
  idOf(contact: number): string {
    return this.source.contactId(contact);
  }

  /** @internal */
  nameOf(contact: number): string {
    return this.source.contactName(contact);
  }

  /** @internal */
  lastMessageOf(contact: number): string | null {
    return this.strings.text(this.lastMessage[contact] as number) ?? null;
  }

  private own(contact: number): Changed {
    let changed = this.changed.get(contact);
    if (!changed) {
      const template = this.source.templateIndex(contact);
      changed = {
        tags: new Set(this.templateTags[template]),
        fields: new Map(Object.entries(this.templateFields[template] ?? {})),
      };
      this.changed.set(contact, changed);
    }
    return changed;
  }
}

/** The one `ContactView` a table hands to steps, pointed at a contact by `view()`. */
class ContactCursor implements ContactView {
  index = 0;
  constructor(private readonly table: ContactTable) {}
  get id(): string {
    return this.table.idOf(this.index);
  }
  get name(): string {
    return this.table.nameOf(this.index);
  }
  get lastMessage(): string | null {
    return this.table.lastMessageOf(this.index);
  }
  hasTag(tag: string): boolean {
    return this.table.hasTag(this.index, tag);
  }
  field(name: string): string | undefined {
    return this.table.field(this.index, name);
  }
}
