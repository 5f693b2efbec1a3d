import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import { drawSelection, EditorView, type ViewUpdate, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { scriptCompletions } from './scriptCompletions.ts';
import { scriptDiagnostics } from './scriptDiagnostics.ts';
import { scriptHover } from './scriptHover.ts';

/** The app's own colours (src/styles.css), each readable on the editor's white at WCAG AA. */
const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--color-accent-strong)' },
  { tag: tags.string, color: 'var(--color-ok)' },
  { tag: tags.number, color: 'var(--color-stop)' },
  { tag: [tags.bool, tags.null], color: 'var(--color-pause)' },
  { tag: tags.invalid, color: 'var(--color-fail)' },
]);

/** Waits this long after the last keystroke before checking: a 4 MB script is parsed and checked once a pause, not once a key. */
const LINT_DELAY_MS = 400;

/**
 * The JSON view's editor: basicSetup's parts that help editing JSON (line numbers, folding,
 * brackets, undo history, search), the script schema's completions and hover docs, and the
 * draft's problems at their places. No Tab binding, so Tab and Shift+Tab move focus on as in any
 * field and a keyboard user is never trapped.
 */
export function jsonEditorExtensions(onChange: (update: ViewUpdate) => void, onBlur: () => void): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    json(),
    syntaxHighlighting(highlightStyle),
    autocompletion({ override: [scriptCompletions] }),
    hoverTooltip((view, position) => scriptHover(view.state.doc.toString(), position)),
    linter((view) => scriptDiagnostics(view.state.doc.toString()), { delay: LINT_DELAY_MS }),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update);
    }),
    EditorView.domEventHandlers({ blur: onBlur }),
  ];
}
