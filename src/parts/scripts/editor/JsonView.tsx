import { EditorField } from './EditorField.tsx';

interface Props {
  readonly text: string;
  /** What is wrong with the text as JSON, beside it; null when it is JSON. */
  readonly syntaxError: string | null;
  readonly onType: (text: string) => void;
}

/** The script as JSON text, for what the form does not edit (tags, contact fields) and for pasting a whole script. */
export function JsonView({ text, syntaxError, onType }: Props) {
  return (
    <div className="script-editor__json-view">
      <EditorField label="Script JSON" issues={syntaxError === null ? [] : [{ path: '$', where: 'JSON', message: `Not valid JSON. ${syntaxError}` }]}>
        {(control) => <textarea {...control} className={`${control.className} script-editor__json`} rows={24} spellCheck={false} value={text} onChange={(event) => onType(event.target.value)} />}
      </EditorField>
    </div>
  );
}
