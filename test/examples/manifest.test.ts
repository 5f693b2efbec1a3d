import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleManifestSchema } from '../../src/parts/examples/exampleManifest.ts';
import { parseJson, parseScriptDocument, parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';

const examples = join(import.meta.dirname, '../../public/examples');
const raw = JSON.parse(readFileSync(join(examples, 'index.json'), 'utf8')) as unknown;
const parsed = exampleManifestSchema.safeParse(raw);
const manifest = parsed.success ? parsed.data : { situations: [] };

const folders = readdirSync(examples)
  .filter((name) => statSync(join(examples, name)).isDirectory())
  .sort();
const statSyncOrNull = (path: string) => statSync(path, { throwIfNoEntry: false }) ?? null;
const filesOf = (folder: string, suffix: string) =>
  readdirSync(join(examples, folder))
    .filter((name) => name.endsWith(suffix))
    .sort();

describe('public/examples/index.json', () => {
  it('is a valid manifest', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('lists every example folder exactly once, and no other', () => {
    const listed = manifest.situations.map((situation) => situation.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(folders);
  });

  it('holds nothing but example folders and itself', () => {
    const loose = readdirSync(examples).filter((name) => !folders.includes(name));
    expect(loose).toEqual(['index.json']);
  });

  describe.each(manifest.situations.map((situation) => [situation.id, situation] as const))('%s', (id, situation) => {
    it('lists exactly the Workflows of its folder', () => {
      expect([...situation.workflows].sort()).toEqual(filesOf(id, '.workflow.json'));
    });

    it('lists exactly the scripts of its folder', () => {
      expect([...situation.scripts].sort()).toEqual(filesOf(id, '.script.json'));
    });

    it('has no other files in its folder (but the versions/ its scripts publish)', () => {
      const other = readdirSync(join(examples, id)).filter((name) => !name.endsWith('.workflow.json') && !name.endsWith('.script.json') && name !== 'versions');
      expect(other).toEqual([]);
    });

    it('holds in versions/ exactly the new versions its scripts publish, each a Workflow the app can parse', () => {
      const published = new Set(
        situation.scripts.flatMap((file) => {
          const script = parseScriptDocument(JSON.parse(readFileSync(join(examples, id, file), 'utf8')) as unknown);
          return script.ok ? script.value.events.flatMap((event) => (event.type === 'workflow.publish' ? [event.file] : [])) : [];
        }),
      );
      const folder = join(examples, id, 'versions');
      const present = statSyncOrNull(folder)?.isDirectory() ? readdirSync(folder).map((name) => `versions/${name}`) : [];
      expect(present.sort()).toEqual([...published].sort());
      for (const file of present) expect(parseWorkflowDocument(JSON.parse(readFileSync(join(examples, id, file), 'utf8')) as unknown).ok, file).toBe(true);
    });

    it('lists only files the app can parse', () => {
      const problems = [
        ...situation.workflows.map((file) => [file, parseWorkflowDocument] as const),
        ...situation.scripts.map((file) => [file, parseScriptDocument] as const),
      ].flatMap(([file, parse]) => {
        const json = parseJson(readFileSync(join(examples, id, file), 'utf8'));
        const result = json.ok ? parse(json.value) : json;
        return result.ok ? [] : result.issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`);
      });
      expect(problems).toEqual([]);
    });
  });
});
