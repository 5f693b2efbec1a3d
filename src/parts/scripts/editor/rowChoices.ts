import type { Choice } from './SelectField.tsx';

/**
 * The contacts or users of a draft as choices: "Dana (dana)", or the id alone when there is no name.
 * A row without a usable id, or an id listed twice, gives no (second) choice: the schema reports both.
 */
export function rowChoices(rows: readonly Readonly<Record<string, unknown>>[] | undefined): Choice[] {
  const choices = new Map<string, Choice>();
  for (const row of rows ?? []) {
    const { id, name } = row;
    if (typeof id !== 'string' || id === '' || choices.has(id)) continue;
    choices.set(id, { value: id, label: typeof name === 'string' && name !== '' && name !== id ? `${name} (${id})` : id });
  }
  return [...choices.values()];
}
