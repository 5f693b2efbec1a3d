import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (src/README.md draws them): each folder names the folders it may import. A
 * screen (src/screens/<name>/) and a part (src/parts/<name>/) are units of their own: they import
 * lower layers and themselves, never a sibling. simulator/ is below everything and open to all.
 */
const SRC_LAYERS = {
  app: ['screens', 'parts', 'engine', 'persistence', 'state', 'routing', 'model', 'ui', 'common'],
  screens: ['parts', 'engine', 'persistence', 'state', 'routing', 'model', 'ui', 'common'],
  parts: ['engine', 'persistence', 'state', 'routing', 'model', 'ui', 'common'],
  engine: ['model', 'common'],
  persistence: ['state', 'routing', 'model', 'common'],
  state: ['model', 'common'],
  routing: ['common'],
  ui: ['common'],
  model: ['common'],
  common: [],
};
const UNIT_LAYERS = new Set(['screens', 'parts']);
const SRC = resolve(import.meta.dirname, 'src');

/** `{ layer, unit }` of a path inside src/ (`parts/scripts` is the unit of a part), or null. */
function placeOf(path) {
  const inside = relative(SRC, path);
  if (inside.startsWith('..') || inside === '') return null;
  const [layer, name] = inside.split(sep);
  if (!(layer in SRC_LAYERS)) return null; // src/main.tsx, src/styles.css: the entry sits above the layers
  return { layer, unit: UNIT_LAYERS.has(layer) ? `${layer}/${name}` : layer };
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports inside src/ point down its layers only (src/README.md).' },
    messages: {
      down: "src/{{from}}/ may not import src/{{to}}/: {{why}} (the layers are drawn in src/README.md).",
    },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    if (from === null) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = placeOf(resolve(dirname(context.filename), source));
      if (to === null || to.unit === from.unit) return;
      let why = null;
      if (to.layer === from.layer && UNIT_LAYERS.has(to.layer)) why = from.layer === 'screens' ? 'a screen imports no other screen; share it through a part or a lower layer' : 'a part imports no other part; move what both need to a lower layer';
      else if (!SRC_LAYERS[from.layer].includes(to.layer)) why = `${from.layer}/ sits below ${to.layer}/ and imports only ${SRC_LAYERS[from.layer].join(', ') || 'simulator/'}`;
      if (why !== null) context.report({ node, messageId: 'down', data: { from: from.unit, to: to.unit, why } });
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'test/output', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine is pure (simulator/README.md): data in, data out. Arrows point src → simulator only.
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/cli/**', 'simulator/worker.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine imports no React.' },
            { group: ['zustand', 'zustand/*', 'dexie', 'dexie-*', 'comlink', '@xyflow/*'], message: 'The engine imports no UI, storage or worker library.' },
            { group: ['node:*', 'fs', 'path', 'os'], message: 'Only simulator/cli/ may use Node APIs.' },
            { group: ['**/src/**', '../src/*', '../../src/*'], message: 'simulator/ never imports from src/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { exitflow: { rules: { layers: layersRule } } },
    rules: { 'exitflow/layers': 'error' },
  },
  {
    // IndexedDB is one layer's business: the rest of the app reads and writes through the store.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/persistence/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', 'dexie-*'], message: 'Dexie is used only in src/persistence/; go through the store or a persistence hook.' }] }],
    },
  },
);
