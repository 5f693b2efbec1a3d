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

// Slots of a contact's record.
const FEED_ORDER = 0;
const FEED_CURSOR = 1;
const CONVERSATION_OPEN = 2;
const LAST_MESSAGE = 3;
const ASSIGNEE = 4;
/** The contact's own tags and fields in `changed`, or -1 while they are its template's. */
const CHANGED = 5;
/** Then, per Workflow w: its active run at 6 + 2w, its latest run at 7 + 2w. */
const RUNS = 6;

/**
 * Every contact's live state, one fixed-size record of Int32 slots per contact: the script feed's
 * place in the contact's events, whether the conversation is open, the last message and the
 * assignee (interned strings), and per Workflow the active and the latest run. Contacts are
 * visited in time order, that is at random, so keeping all of it in one record means one cache
 * miss per contact instead of one per array. Tags and fields are the template's until something
 * changes them, and only then copied for that contact.
 */
export class ContactTable {
  private readonly rows: Int32Array;
  private readonly stride: number;
  private readonly changed: Changed[] = [];

  constructor(
    private readonly source: ContactSource,
    workflowCount: number,
    private readonly templateTags: readonly ReadonlySet<string>[],
    private readonly templateFields: readonly Readonly<Record<string, string>>[],
    private readonly strings: { text(id: number): string | undefined },
  ) {
    this.stride = Math.ceil((RUNS + 2 * workflowCount) / 4) * 4;
    this.rows = new Int32Array(source.contactCount * this.stride).fill(-1);
    for (let contact = 0; contact < source.contactCount; contact++) {
      const row = contact * this.stride;
      this.rows[row + FEED_ORDER] = 0;
      this.rows[row + FEED_CURSOR] = 0;
      this.rows[row + CONVERSATION_OPEN] = 0;
    }
  }

  /** The script feed's packed event order for the contact (see ScriptFeed). */
  feedOrder(contact: number): number {
    return (this.rows[contact * this.stride + FEED_ORDER] as number) >>> 0;
  }
  setFeedOrder(contact: number, order: number): void {
    this.rows[contact * this.stride + FEED_ORDER] = order | 0;
  }
  /** Moves the contact's place in its events on by one and returns the new place. */
  advanceFeed(contact: number): number {
    return ++(this.rows[contact * this.stride + FEED_CURSOR] as number);
  }

  conversationOpen(contact: number): boolean {
    return this.rows[contact * this.stride + CONVERSATION_OPEN] === 1;
  }
  setConversationOpen(contact: number, open: boolean): void {
    this.rows[contact * this.stride + CONVERSATION_OPEN] = open ? 1 : 0;
  }
  /** The interned text of the contact's last message, or -1. */
  lastMessage(contact: number): number {
    return this.rows[contact * this.stride + LAST_MESSAGE] as number;
  }
  setLastMessage(contact: number, text: number): void {
    this.rows[contact * this.stride + LAST_MESSAGE] = text;
  }
  /** The interned id of the assignee, or -1. */
  assignee(contact: number): number {
    return this.rows[contact * this.stride + ASSIGNEE] as number;
  }
  setAssignee(contact: number, assignee: number): void {
    this.rows[contact * this.stride + ASSIGNEE] = assignee;
  }
  /** The contact's active run of Workflow `workflow`, or -1. */
  activeRun(workflow: number, contact: number): number {
    return this.rows[contact * this.stride + RUNS + 2 * workflow] as number;
  }
  setActiveRun(workflow: number, contact: number, run: number): void {
    this.rows[contact * this.stride + RUNS + 2 * workflow] = run;
  }
  /** The contact's latest run of Workflow `workflow`, active or ended, or -1. */
  latestRun(workflow: number, contact: number): number {
    return this.rows[contact * this.stride + RUNS + 2 * workflow + 1] as number;
  }
  setLatestRun(workflow: number, contact: number, run: number): void {
    this.rows[contact * this.stride + RUNS + 2 * workflow + 1] = run;
  }

  /** Bytes held by the records. */
  byteSize(): number {
    return this.rows.byteLength;
  }

  hasTag(contact: number, tag: string): boolean {
    const changed = this.rows[contact * this.stride + CHANGED] as number;
    return changed >= 0 ? (this.changed[changed] as Changed).tags.has(tag) : (this.templateTags[this.source.templateIndex(contact)]?.has(tag) ?? false);
  }

  field(contact: number, name: string): string | undefined {
    const changed = this.rows[contact * this.stride + CHANGED] as number;
    if (changed >= 0) return (this.changed[changed] as Changed).fields.get(name);
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
    return this.strings.text(this.lastMessage(contact)) ?? null;
  }

  private own(contact: number): Changed {
    const slot = contact * this.stride + CHANGED;
    const at = this.rows[slot] as number;
    if (at >= 0) return this.changed[at] as Changed;
    const template = this.source.templateIndex(contact);
    const changed: Changed = {
      tags: new Set(this.templateTags[template]),
      fields: new Map(Object.entries(this.templateFields[template] ?? {})),
    };
    this.rows[slot] = this.changed.length;
    this.changed.push(changed);
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
