import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExampleLibrary } from '../../../../src/parts/examples/exampleLibrary.ts';
import type { ExampleSituation } from '../../../../src/parts/examples/exampleManifest.ts';
import { createFetchText, type FetchText } from '../../../../src/parts/examples/fetchText.ts';
import { loadManifest } from '../../../../src/parts/examples/loadManifest.ts';
import { loadSituation } from '../../../../src/parts/examples/loadSituation.ts';

const publicDir = join(import.meta.dirname, '../../../../public');

/** Serves `public/`, with some paths replaced by other text or missing (`null`). */
function fakeFetch(overrides: Record<string, string | null> = {}): FetchText {
  return async (path) => {
    const override = overrides[path];
    if (override === null) return { ok: false, message: 'Cannot load: the server answered 404 Not Found' };
    if (override !== undefined) return { ok: true, text: override };
    try {
      return { ok: true, text: readFileSync(join(publicDir, path), 'utf8') };
    } catch {
      return { ok: false, message: 'Cannot load: the server answered 404 Not Found' };
    }
  };
}

const hotLead: ExampleSituation = {
  id: 'hot-lead',
  title: 'Hot lead',
  workflows: ['lead-nurture.workflow.json', 'vip-routing.workflow.json'],
  scripts: ['agent-takes-over.script.json', 'agent-stops-it.script.json'],
};

describe('loadSituation', () => {
  it('loads and parses every file of a situation', async () => {
    const loaded = await loadSituation(fakeFetch(), hotLead);
    expect(loaded.problems).toEqual([]);
    expect(loaded.workflowsComplete).toBe(true);
    expect(loaded.workflows.map((document) => [document.file, document.value.name])).toEqual([
      ['examples/hot-lead/lead-nurture.workflow.json', 'Lead nurture'],
      ['examples/hot-lead/vip-routing.workflow.json', 'VIP routing'],
    ]);
    expect(loaded.scripts.map((document) => document.value.name)).toEqual([
      'Hot lead: agent takes over',
      'Manual stop: an agent stops Lead nurture for Dana from Ongoing Workflows',
    ]);
  });

  it('reads the new versions its scripts publish, once each, from beside the scripts; one that cannot be read is a problem', async () => {
    const newVersion: ExampleSituation = { id: 'new-version', title: 'New version', workflows: ['trial-follow-up.workflow.json'], scripts: ['finish.script.json', 'stop.script.json', 'move-step-removed.script.json'] };
    const loaded = await loadSituation(fakeFetch(), newVersion);
    expect(loaded.problems).toEqual([]);
    expect(Object.keys(loaded.versions).sort()).toEqual(['versions/trial-follow-up-no-wait.workflow.json', 'versions/trial-follow-up-v2.workflow.json']);
    expect(loaded.versions['versions/trial-follow-up-v2.workflow.json']?.id).toBe('trial-follow-up');
    const missing = await loadSituation(fakeFetch({ 'examples/new-version/versions/trial-follow-up-v2.workflow.json': null }), newVersion);
    expect(missing.problems.map((problem) => problem.file)).toEqual(['examples/new-version/versions/trial-follow-up-v2.workflow.json']);
    expect(Object.keys(missing.versions)).toEqual(['versions/trial-follow-up-no-wait.workflow.json']);
  });

  it('reports every problem with its file and JSON path, and keeps the files that parsed', async () => {
    const loaded = await loadSituation(
      fakeFetch({
        'examples/hot-lead/vip-routing.workflow.json': '{ "format": ',
        'examples/hot-lead/agent-stops-it.script.json': JSON.stringify({
          format: 'exitflow.script/1',
          name: 'Broken',
          start: '2026-01-05T09:00:00Z',
          contacts: [{ id: 'dana' }],
          events: [{ at: 'soon', contact: 'dana', type: 'contact.message', text: 'Hi' }],
        }),
      }),
      hotLead,
    );
    expect(loaded.workflowsComplete).toBe(false);
    expect(loaded.workflows).toHaveLength(1);
    expect(loaded.scripts.map((document) => document.file)).toEqual(['examples/hot-lead/agent-takes-over.script.json']);
    expect(loaded.problems).toEqual([
      { file: 'examples/hot-lead/vip-routing.workflow.json', path: '$', message: expect.stringMatching(/^Not valid JSON/) },
      { file: 'examples/hot-lead/agent-stops-it.script.json', path: '$.events[0].at', message: expect.stringMatching(/^Expected an offset/) },
    ]);
  });

  it('reports a missing file at $', async () => {
    const loaded = await loadSituation(fakeFetch({ 'examples/hot-lead/lead-nurture.workflow.json': null }), hotLead);
    expect(loaded.problems).toEqual([
      { file: 'examples/hot-lead/lead-nurture.workflow.json', path: '$', message: 'Cannot load: the server answered 404 Not Found' },
    ]);
  });
});

describe('loadManifest', () => {
  it('reads public/examples/index.json', async () => {
    const read = await loadManifest(fakeFetch());
    expect(read.ok && read.manifest.situations.map((situation) => situation.id)).toEqual(['hot-lead', 'follow-up', 'clean-up', 'hand-back', 'new-version']);
  });

  it('names the JSON path of what is wrong', async () => {
    const read = await loadManifest(fakeFetch({ 'examples/index.json': JSON.stringify({ situations: [{ id: 'x', title: 'X', workflows: ['x.json'], scripts: [] }] }) }));
    expect(read.ok ? [] : read.problems.map((problem) => `${problem.file} ${problem.path}`)).toEqual([
      'examples/index.json $.situations[0].workflows[0]',
      'examples/index.json $.situations[0].scripts',
    ]);
  });
});

describe('createExampleLibrary', () => {
  it('hands out the same promise for the same request, as React.use needs', () => {
    const library = createExampleLibrary(fakeFetch());
    expect(library.manifest()).toBe(library.manifest());
    expect(library.situation(hotLead)).toBe(library.situation(hotLead));
  });
});

describe('ExampleLibrary.preload', () => {
  /** `fakeFetch`, with the paths asked for in order. */
  function recordingFetch(overrides: Record<string, string | null> = {}): { fetchText: FetchText; asked: string[] } {
    const asked: string[] = [];
    const serve = fakeFetch(overrides);
    return { asked, fetchText: (path) => (asked.push(path), serve(path)) };
  }
  /** Until every fetch started so far, and the parses after them, have settled. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('fetches the named situation before any screen asks, and a screen then gets that same load', async () => {
    const { fetchText, asked } = recordingFetch();
    const library = createExampleLibrary(fetchText);
    library.preload('hot-lead');
    await settled();
    expect(asked[0]).toBe('examples/index.json');
    expect(asked.slice(1).every((path) => path.startsWith('examples/hot-lead/'))).toBe(true);
    expect(asked.length).toBeGreaterThan(1);
    const read = await library.manifest();
    if (!read.ok) throw new Error('the manifest does not load');
    const situation = read.manifest.situations.find((candidate) => candidate.id === 'hot-lead') as ExampleSituation;
    const before = asked.length;
    expect((await library.situation(situation)).problems).toEqual([]);
    expect(asked.length).toBe(before);
  });

  it('fetches the first situation for no name or an unknown one, as the example browser shows it', async () => {
    for (const id of [null, 'no-such-example']) {
      const { fetchText, asked } = recordingFetch();
      const library = createExampleLibrary(fetchText);
      library.preload(id);
      await settled();
      const read = await library.manifest();
      if (!read.ok) throw new Error('the manifest does not load');
      const first = read.manifest.situations[0] as ExampleSituation;
      expect(asked.slice(1).every((path) => path.startsWith(`examples/${first.id}/`))).toBe(true);
      expect(asked.length).toBeGreaterThan(1);
    }
  });

  it('fetches nothing more when the list of examples cannot be read, and the screen still hears why', async () => {
    const { fetchText, asked } = recordingFetch({ 'examples/index.json': null });
    const library = createExampleLibrary(fetchText);
    library.preload('hot-lead');
    await settled();
    expect(asked).toEqual(['examples/index.json']);
    expect((await library.manifest()).ok).toBe(false);
  });
});

describe('createFetchText', () => {
  it('asks for JSON relative to the base URL, so a server does not answer a missing file with its index.html', async () => {
    const requests: [string, string | null][] = [];
    const fetchText = createFetchText('http://example.test/app/', async (input, init) => {
      requests.push([String(input), new Headers(init?.headers).get('accept')]);
      return new Response('{}', { status: 200 });
    });
    expect(await fetchText('examples/index.json')).toEqual({ ok: true, text: '{}' });
    expect(requests).toEqual([['http://example.test/app/examples/index.json', 'application/json']]);
  });

  it('turns an HTTP error or a network failure into a message, never a throw', async () => {
    const notFound = createFetchText('http://example.test/', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    expect(await notFound('a.json')).toEqual({ ok: false, message: 'Cannot load: the server answered 404 Not Found' });
    const offline = createFetchText('http://example.test/', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline('a.json')).toEqual({ ok: false, message: 'Cannot load: Failed to fetch' });
  });
});
