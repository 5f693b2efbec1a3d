import { useEffect, useState, type ComponentType } from 'react';
import { loadOnce } from '../../../common/loadOnce.ts';
import { refetchableImport } from '../../../common/refetchableImport.ts';
import { EditorField, type FieldControl } from './EditorField.tsx';

interface Props {
  readonly text: string;
  /** What is wrong with the text as JSON, beside it; null when it is JSON. */
  readonly syntaxError: string | null;
  readonly onType: (text: string) => void;
}

interface CodeEditorProps {
  readonly label: string;
  readonly text: string;
  readonly control: FieldControl;
  readonly onType: (text: string) => void;
}

type CodeEditor = ComponentType<CodeEditorProps>;

/**
 * CodeMirror comes in its own chunk, fetched when a JSON view first opens, so the app's first load
 * does not carry it: one download for every JSON view the page opens. A failed fetch is forgotten,
 * so the next JSON view tries again.
 */
const importCodeEditor = refetchableImport(() => import('./json/JsonCodeEditor.tsx'));
const codeEditor = loadOnce(() => importCodeEditor().then((module) => module.default));
export const loadCodeEditor = codeEditor.load;

const LABEL = 'Script JSON';

/**
 * The script as JSON text, for what the form does not edit (tags, contact fields) and for pasting a
 * whole script: a code editor with the schema's completions and each problem at its place. Until
 * it has loaded — or when it cannot (offline) — a plain text box edits the same text, so nothing
 * typed is lost.
 */
export function JsonView({ text, syntaxError, onType }: Props) {
  const [editor, setEditor] = useState<{ component: CodeEditor | null; failed: boolean }>({ component: codeEditor.loaded, failed: false });
  useEffect(() => {
    if (editor.component) return;
    let current = true;
    loadCodeEditor().then(
      (component) => current && setEditor({ component, failed: false }),
      () => current && setEditor({ component: null, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [editor.component]);
  const Editor = editor.component;
  return (
    <div className="script-editor__json-view">
      <EditorField label={LABEL} issues={syntaxError === null ? [] : [{ path: '$', where: 'JSON', message: `Not valid JSON. ${syntaxError}` }]}>
        {(control) =>
          Editor ? (
            <Editor label={LABEL} text={text} control={control} onType={onType} />
          ) : (
            <>
              <textarea {...control} className={`${control.className} script-editor__json`} rows={24} spellCheck={false} value={text} onChange={(event) => onType(event.target.value)} />
              {editor.failed && <p className="script-editor__json-note">The code editor did not load (offline?): this plain text box edits the same script, checked the same way.</p>}
            </>
          )
        }
      </EditorField>
    </div>
  );
}
