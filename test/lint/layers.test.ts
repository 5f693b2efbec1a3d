import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of src/ (src/README.md) as ESLint reports them with the repository's own config:
 * each case is a one-line file at a path inside src/ importing another path.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'exitflow/layers' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('src/ layers (lint)', () => {
  it.each([
    ['a part imports no screen', 'src/parts/scripts/editor/x.ts', "import { a } from '../../../screens/builder/inspector/useSchemaDraft.ts';", /a part imports no other|parts\/scripts\/ may not import src\/screens\/builder/],
    ['a part imports no other part', 'src/parts/transcript/x.ts', "import { a } from '../canvas/StepNode.tsx';", /a part imports no other part/],
    ['a screen imports no other screen', 'src/screens/simulation/canvas/x.ts', "import { a } from '../../builder/canvas/WorkflowCanvas.tsx';", /a screen imports no other screen/],
    ['a screen imports no other screen, lazily either', 'src/screens/overview/x.ts', "const m = import('../messages/MessagesScreen.tsx'); void m;", /a screen imports no other screen/],
    ['re-exports count', 'src/parts/settings/x.ts', "export { a } from '../../screens/builder/BuilderScreen.tsx';", /parts\/settings\/ may not import src\/screens\/builder/],
    ['state imports no UI', 'src/state/x.ts', "import { a } from '../ui/Dialog.tsx';", /state\/ sits below ui\//],
    ['state imports no persistence', 'src/state/x.ts', "import type { a } from '../persistence/db.ts';", /state\/ sits below persistence\//],
    ['persistence imports no part', 'src/persistence/x.ts', "import { a } from '../parts/examples/exampleLibrary.ts';", /src\/persistence\/ may not import src\/parts\/examples\/: persistence\/ sits below parts\//],
    ['persistence imports no app', 'src/persistence/x.ts', "import { a } from '../app/App.tsx';", /persistence\/ sits below app\//],
    ['only app imports a screen', 'src/engine/x.ts', "import { a } from '../screens/simulation/SimulatorScreen.tsx';", /src\/engine\/ may not import src\/screens\/simulation\/: engine\/ sits below screens\//],
    ['ui imports no state', 'src/ui/x.tsx', "import { a } from '../state/appStore.ts';", /ui\/ sits below state\//],
    ['Dexie only in persistence', 'src/state/x.ts', "import Dexie from 'dexie';", /Dexie is used only in src\/persistence/],
  ])('%s', async (_name, file, code, expected) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it.each([
    ['app imports a screen', 'src/app/x.ts', "import { a } from '../screens/builder/BuilderScreen.tsx';"],
    ['a screen imports a part and lower layers', 'src/screens/simulation/x.ts', "import { a } from '../../parts/canvas/StepNode.tsx';\nimport { b } from '../../engine/playbackClient.ts';\nimport { c } from '../../state/appStore.ts';"],
    ['a unit imports itself', 'src/parts/scripts/editor/x.ts', "import { a } from '../newScript.ts';"],
    ['persistence imports state and routing', 'src/persistence/x.ts', "import { a } from '../state/appStore.ts';\nimport { b } from '../routing/routes.ts';"],
    ['every layer imports the engine', 'src/common/x.ts', "import { a } from '../../simulator/schema/workflow.ts';"],
    ['Dexie in persistence', 'src/persistence/x.ts', "import Dexie from 'dexie';"],
  ])('allows: %s', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
