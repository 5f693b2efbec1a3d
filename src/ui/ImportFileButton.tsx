import { Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import type { DocumentIssue } from '../../simulator/schema/parseDocument.ts';
import { FileProblemList } from './FileProblemList.tsx';
import { Tooltip } from './Tooltip.tsx';

interface Props {
  /** Reads the file and does the import: stores a new Workflow, or replaces the open one's content. */
  readonly importFile: (file: File) => Promise<{ readonly ok: true } | { readonly ok: false; readonly issues: readonly DocumentIssue[] }>;
  readonly onImported?: () => void;
  readonly label?: string;
  /** The file input's name for screen readers (and tests). */
  readonly inputLabel?: string;
  /**
   * For a toolbar that must stay one row: the label hides when the toolbar is narrow (the button
   * keeps it as its name and tooltip), and a refused file's problems float under the toolbar
   * instead of pushing it apart.
   */
  readonly compact?: boolean;
}

interface Rejection {
  readonly file: string;
  readonly issues: readonly DocumentIssue[];
}

/**
 * Imports a file (a Workflow, a script): the whole file is checked first and every problem listed
 * with its JSON path; nothing is stored unless all of it is right.
 */
export function ImportFileButton({ importFile, onImported, label = 'Import JSON', inputLabel = 'Workflow file to import', compact = false }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setBusy(true);
    setRejection(null);
    const outcome = await importFile(file);
    setBusy(false);
    if (outcome.ok) onImported?.();
    else setRejection({ file: file.name, issues: outcome.issues });
  };

  return (
    <>
      {compact ? (
        <Tooltip content={label}>
          <button type="button" className="ui-button toolbar-action" aria-label={label} aria-busy={busy} onClick={() => input.current?.click()}>
            <Upload aria-hidden size={16} /> <span className="toolbar-action__label">{label}</span>
          </button>
        </Tooltip>
      ) : (
        <button type="button" className="ui-button" aria-busy={busy} onClick={() => input.current?.click()}>
          <Upload aria-hidden size={16} /> {label}
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void onFile(file);
        }}
      />
      {rejection && (
        <div className={compact ? 'import-problems import-problems--floating' : 'import-problems'}>
          <button type="button" className="ui-icon-button import-problems__close" aria-label="Close the problems" onClick={() => setRejection(null)}>
            <X aria-hidden size={16} />
          </button>
          <FileProblemList
            title={`${rejection.file} was not imported: ${rejection.issues.length === 1 ? '1 problem' : `${rejection.issues.length} problems`}`}
            problems={rejection.issues.map((issue) => ({ ...issue, file: rejection.file }))}
          />
        </div>
      )}
    </>
  );
}
