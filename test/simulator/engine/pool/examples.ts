// The bundled examples as simulation inputs: every script of public/examples with the Workflows
// of its folder and the new versions its publishes name, loaded as the command line loads them.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPublishedVersions, loadScriptFile, loadWorkflowFile } from '../../../../simulator/cli/loadDocuments.ts';
import { parseScriptDocument } from '../../../../simulator/schema/parseDocument.ts';
import type { ScriptEvent } from '../../../../simulator/schema/script.ts';
import { checkExpectations } from '../../../../simulator/engine/expectations.ts';
import { contactStates, runStates } from '../../../../simulator/engine/materialize.ts';
import type { Simulation, SimulationInput } from '../../../../simulator/engine/simulation.ts';
import { hashTrace } from '../../../../simulator/engine/traceHash.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

export const EXAMPLES = resolve(import.meta.dirname, '../../../../public/examples');

export interface Example {
  readonly file: string;
  readonly input: SimulationInput;
}

export function loadExamples(): Example[] {
  const examples: Example[] = [];
  for (const folder of readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const dir = join(EXAMPLES, folder.name);
    const files = readdirSync(dir).sort();
    const workflows = files.filter((file) => file.endsWith('.workflow.json')).map((file) => loadWorkflowFile(join(dir, file)).value as Workflow);
    for (const file of files.filter((name) => name.endsWith('.script.json'))) {
      const path = join(dir, file);
      const script = loadScriptFile(path).value;
      if (!script) throw new Error(`${path} does not load`);
      const { versions } = loadPublishedVersions(path, script);
      examples.push({ file: `${folder.name}/${file}`, input: { workflows, script, versions } });
    }
  }
  return examples;
}

/**
 * Each plain example made into inputs with many contacts, where a split has something to merge:
 * a population of its first contact (with jitter, and without: every contact's events at the same
 * instants), and a crowd of listed copies of its contacts, each copy's events at the original's
 * instants (ties across contacts the merge must order as the engine does).
 */
export function manyContactVariants(examples: readonly Example[]): Example[] {
  const variants: Example[] = [];
  for (const { file, input } of examples) {
    const script = input.script;
    if (script.population || script.events.some((event) => event.type === 'workflow.publish')) continue;
    const template = script.contacts[0]?.id;
    const own = script.events.filter((event) => 'contact' in event && event.contact === template);
    for (const [contacts, jitter] of [
      [12, '0s'],
      [40, '6h'],
    ] as const) {
      const raw = { ...script, contacts: script.contacts.slice(0, 1), events: own, population: { contacts, jitter, seed: 7 } };
      const parsed = parseScriptDocument(raw);
      if (parsed.ok) variants.push({ file: `${file} as a population of ${contacts}, jitter ${jitter}`, input: { ...input, script: parsed.value } });
    }
    const copies = 5;
    const copyId = (id: string, k: number) => (k === 0 ? id : `${id}-${k}`);
    const crowd = {
      ...script,
      contacts: script.contacts.flatMap((contact) => Array.from({ length: copies }, (_, k) => ({ ...contact, id: copyId(contact.id, k) }))),
      events: script.events.flatMap((event): ScriptEvent[] => ('contact' in event ? Array.from({ length: copies }, (_, k) => ({ ...event, contact: copyId(event.contact, k) })) : [event])),
    };
    const parsed = parseScriptDocument(crowd);
    if (parsed.ok) variants.push({ file: `${file} as a crowd of ${copies} copies`, input: { ...input, script: parsed.value } });
  }
  return variants;
}

/** Everything a reader of a finished simulation sees. */
export function outcome(sim: Simulation, input: SimulationInput) {
  return {
    hash: hashTrace(sim),
    entries: sim.trace.length,
    events: sim.eventsProcessed,
    now: sim.now,
    runs: runStates(sim),
    contacts: contactStates(sim),
    expectations: checkExpectations(sim, input.script),
    tagsAndFields: tagsAndFields(sim),
    stoppedShort: sim.stoppedShort,
  };
}

/** Per contact, which of the trace's strings it has as a tag, and as a field with which value. */
function tagsAndFields(sim: Simulation): string[][] {
  const names = [...new Set(sim.trace.strings)].sort();
  return Array.from({ length: sim.feed.contactCount }, (_, contact) =>
    names.flatMap((name) => [...(sim.contacts.hasTag(contact, name) ? [`#${name}`] : []), ...(sim.contacts.field(contact, name) === undefined ? [] : [`${name}=${sim.contacts.field(contact, name)}`])]),
  );
}
