import { useState } from 'react';
import { waitProblem } from './afterStopRule.ts';

/** A duration field as it stands: what it shows, why that is refused, and the last duration it saved. */
export interface DurationDraft {
  readonly text: string;
  /** Why the shown text is no duration; undefined when it is one (or nothing is being typed). */
  readonly problem: string | undefined;
  /** The stored duration, else the last valid one typed: what a choice that needs one takes back. */
  readonly lastValid: string | undefined;
  readonly type: (text: string) => void;
}

/**
 * A duration typed over a stored one. Each valid text is saved at once (trimmed), like a switch;
 * a text that is no duration stays in the field, said wrong, and is never saved. What is typed is
 * shown while the stored duration is still the one it was typed over or the one it last saved, so
 * a change made elsewhere (Undo, another tab) replaces the draft.
 */
export function useDurationDraft(stored: string | undefined, save: (duration: string) => void, examples?: string): DurationDraft {
  const [draft, setDraft] = useState<{ text: string; over: string | undefined; sent: string | undefined } | null>(null);
  const drafting = draft !== null && (stored === draft.over || stored === draft.sent);
  return {
    text: drafting ? draft.text : (stored ?? ''),
    problem: drafting ? waitProblem(draft.text, examples) : undefined,
    lastValid: stored ?? (drafting ? draft.sent : undefined),
    type: (text) => {
      const valid = waitProblem(text, examples) === undefined;
      setDraft({ text, over: stored, sent: valid ? text.trim() : drafting ? draft.sent : undefined });
      if (valid) save(text.trim());
    },
  };
}
