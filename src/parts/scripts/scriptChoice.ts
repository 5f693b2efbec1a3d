import type { Script } from '../../../simulator/schema/script.ts';
import type { ScriptRecord } from '../../model/records.ts';

/** A script that can play against a stored Workflow, and where it comes from. */
export type ScriptChoice =
  /** Saved with the Workflow: editable, deletable. */
  | { readonly key: string; readonly source: 'saved'; readonly label: string; readonly script: Script; readonly record: ScriptRecord }
  /** A script of the bundled example the Workflow came from: read-only, copied to edit. */
  | { readonly key: string; readonly source: 'example'; readonly label: string; readonly script: Script }
  /** Imported, but storage refused it: plays in this tab until it is saved. */
  | { readonly key: string; readonly source: 'unsaved'; readonly label: string; readonly script: Script };

/** The key of a saved script in the URL (`?script=saved:<id>`). */
export const savedScriptKey = (id: string) => `saved:${id}`;
