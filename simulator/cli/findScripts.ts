import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileProblem } from './loadDocuments.ts';
import { formatCount } from '../schema/formatCount.ts';

/** A script file found under the folders (or named) on the command line. */
export interface FoundScript {
  /** As printed: joined to the argument it was found under, so it reads like the command line. */
  readonly file: string;
  /** Its path relative to the folder holding every script found, `/` between folders: the shard key. */
  readonly key: string;
  /** Its folder, whose `*.workflow.json` files it runs against. */
  readonly folder: string;
}

/** More scripts than one command line runs (a thousand shards of ten). */
export const MAX_SCRIPTS = 10_000;
/** Files and folders looked at under the arguments: a typo like `/` must not walk the whole disk. */
export const MAX_ENTRIES = 100_000;

const SCRIPT = '.script.json';

/**
 * Every `*.script.json` under `paths` (folders, searched with their subfolders, or script files),
 * each once however often it is named, or the problems. Folders whose name starts with a dot and
 * `node_modules` are skipped; a link to a folder is not followed (a link back up would never end).
 */
export function findScripts(paths: readonly string[]): { readonly scripts: FoundScript[]; readonly problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const found = new Map<string, string>();
  let entries = 0;
  const add = (file: string) => {
    const absolute = resolve(file);
    if (!found.has(absolute)) found.set(absolute, file);
  };
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      problems.push({ file: path, path: '$', message: `Cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error)}` });
      continue;
    }
    if (!isFolder) {
      if (path.endsWith(SCRIPT)) add(path);
      else problems.push({ file: path, path: '$', message: `is not a script file (*${SCRIPT}) nor a folder` });
      continue;
    }
    let scriptsHere = 0;
    const folders = [path];
    while (folders.length > 0) {
      const folder = folders.pop() as string;
      let listing: Dirent[];
      try {
        listing = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        problems.push({ file: folder, path: '$', message: `Cannot read: ${String(error)}` });
        continue;
      }
      entries += listing.length;
      if (entries > MAX_ENTRIES) {
        problems.push({ file: path, path: '$', message: `Cannot read: more than ${formatCount(MAX_ENTRIES)} files and folders under the folders given, the most exitflow looks through` });
        return { scripts: [], problems };
      }
      for (const entry of listing) {
        const child = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && entry.name !== 'node_modules') folders.push(child);
        } else if (entry.name.endsWith(SCRIPT) && (entry.isFile() || isLinkToFile(child))) {
          scriptsHere++;
          add(child);
        }
      }
      if (found.size > MAX_SCRIPTS) break;
    }
    if (scriptsHere === 0 && !problems.some((problem) => problem.file === path))
      problems.push({ file: path, path: '$', message: `no *${SCRIPT} in this folder or its subfolders` });
  }
  if (found.size > MAX_SCRIPTS) problems.push({ file: paths[0] as string, path: '$', message: `more than ${formatCount(MAX_SCRIPTS)} scripts, the most one command line runs: give fewer folders, or split them over more runs` });
  if (problems.length > 0) return { scripts: [], problems };
  const root = commonFolder([...found.keys()].map((absolute) => dirname(absolute)));
  const scripts = [...found].map(([absolute, file]) => ({ file, key: relative(root, absolute).split(sep).join('/'), folder: dirname(absolute) }));
  return { scripts, problems };
}

function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The deepest folder holding every one of `folders` (absolute paths). */
function commonFolder(folders: readonly string[]): string {
  let common = (folders[0] as string).split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  return common.join(sep) || sep;
}
