/** The short name of a script file used in links: `hot-lead/agent-takes-over.script.json` → `agent-takes-over`. */
export function scriptSlug(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.endsWith('.script.json') ? name.slice(0, -'.script.json'.length) : name;
}
