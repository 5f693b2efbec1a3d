import type { TemplateContact } from './messageTemplate.ts';

/** What steps may read about a contact. */
export interface ContactView extends TemplateContact {
  hasTag(tag: string): boolean;
  readonly lastMessage: string | null;
}
