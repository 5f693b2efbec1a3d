import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { FieldControl } from '../EditorField.tsx';
import { jsonEditorExtensions } from './jsonEditorExtensions.ts';

interface Props {
  readonly label: string;
  readonly text: string;
  readonly control: FieldControl;
  readonly onType: (text: string) => void;
}

/**
 * A text this long is handed on after a pause in typing rather than on every key: each hand-over
 * parses and checks the whole script (a 4 MB one takes a few hundred milliseconds), which would make
 * every key wait. Shorter texts go at once, as the form's fields do.
 */
const LARGE_TEXT = 200_000;
const LARGE_TEXT_PAUSE_MS = 300;

/** Marks the replacement of the text by one from elsewhere, which is not typing and is not handed back. */
const replacedFromOutside = Annotation.define<true>();

/**
 * The label, description and invalid state the form field gives its control, on the editor's text
 * box. Its tabindex says out loud what contenteditable implies: accessibility checkers count the
 * text box as the focusable content of the scrolling area around it.
 */
function contentAttributes(label: string, id: string, invalid: boolean, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({
    id,
    tabindex: '0',
    'aria-label': label,
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
}

/**
 * The JSON view's CodeMirror editor (loaded on demand: see JsonView). The text is the editor's own
 * while someone types, each change handed to `onType`; a text that comes from elsewhere (the form)
 * replaces it.
 */
export default function JsonCodeEditor({ label, text, control, onType }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attributes = useRef(new Compartment());
  // The last text the editor handed out: when it comes back as `text`, the editor has it already.
  const emitted = useRef(text);
  const latestOnType = useRef(onType);
  const invalid = control['aria-invalid'] === true;
  const describedBy = control['aria-describedby'];
  const initialAttributes = useRef(contentAttributes(label, control.id, invalid, describedBy));
  useEffect(() => {
    latestOnType.current = onType;
  });

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    // Hands the editor's text on now: after a pause, on leaving the editor (before a click on Save lands) and on closing it.
    const handOver = () => {
      if (pending !== null) clearTimeout(pending);
      pending = null;
      const typed = editor.state.doc.toString();
      if (typed === emitted.current) return;
      emitted.current = typed;
      latestOnType.current(typed);
    };
    const changed = (update: ViewUpdate) => {
      if (update.transactions.some((transaction) => transaction.annotation(replacedFromOutside))) return;
      if (update.state.doc.length < LARGE_TEXT) handOver();
      else {
        if (pending !== null) clearTimeout(pending);
        pending = setTimeout(handOver, LARGE_TEXT_PAUSE_MS);
      }
    };
    const editor = new EditorView({
      parent: parent.current ?? undefined,
      state: EditorState.create({ doc: emitted.current, extensions: [jsonEditorExtensions(changed, handOver), attributes.current.of(initialAttributes.current)] }),
    });
    view.current = editor;
    return () => {
      if (pending !== null) handOver();
      view.current = null;
      editor.destroy();
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || text === emitted.current) return;
    emitted.current = text;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, annotations: replacedFromOutside.of(true) });
  }, [text]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(contentAttributes(label, control.id, invalid, describedBy)) });
  }, [label, control.id, invalid, describedBy]);

  return <div ref={parent} className="script-json" />;
}
