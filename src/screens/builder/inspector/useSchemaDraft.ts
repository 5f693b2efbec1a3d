import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { formatJsonPath } from '../../../../simulator/schema/parseDocument.ts';
import { setIn, type FieldPath } from '../../../common/setIn.ts';

export interface SchemaDraft<T> {
  /** What the form shows: the last valid value, or what is being typed. */
  readonly draft: T;
  /** Field-level messages by JSON path (`$.delay.duration`). */
  readonly errors: ReadonlyMap<string, string>;
  /** Changes one field; a valid result is committed at once, an invalid one stays in the form with its message. */
  change(path: FieldPath, value: unknown): void;
  errorAt(path: FieldPath): string | undefined;
}

/**
 * Edits an object validated by a zod schema as the person types: every change is parsed; a valid
 * whole is committed (`onCommit`), an invalid one is kept in the form with a message on the field
 * at fault. When the value changes from outside (undo, another tab), the form follows it.
 */
export function useSchemaDraft<T>(value: T, schema: z.ZodType<T>, onCommit: (next: T, path: FieldPath) => void): SchemaDraft<T> {
  const [draft, setDraft] = useState<T>(value);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const committed = useRef<T>(value);
  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
    setErrors(new Map());
  }, [value]);
  return {
    draft,
    errors,
    change(path, fieldValue) {
      const candidate = setIn(draft, path, fieldValue);
      setDraft(candidate);
      const parsed = schema.safeParse(candidate);
      if (parsed.success) {
        setErrors(new Map());
        committed.current = parsed.data;
        onCommit(parsed.data, path);
      } else {
        setErrors(new Map(parsed.error.issues.map((issue) => [formatJsonPath(issue.path), issue.message])));
      }
    },
    errorAt: (path) => errors.get(formatJsonPath(path)),
  };
}
