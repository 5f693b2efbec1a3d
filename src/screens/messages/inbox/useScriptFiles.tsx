import { useCallback, useRef, useState, type ReactNode } from 'react';
import { loadOnce } from '../../../common/loadOnce.ts';
import { refetchableImport } from '../../../common/refetchableImport.ts';
import type { ScriptFiles } from './SessionScriptFiles.tsx';

const importFiles = refetchableImport(() => import('./SessionScriptFiles.tsx'));
// Not React.lazy: it keeps a failed fetch failed, and the bar's buttons would do nothing ever after.
const filesCode = loadOnce(importFiles);

/** The link's situation, from the same code: fetched alongside the recorded script on Copy link. */
export const loadLiveShareSituation = () => filesCode.load().then((module) => module.liveShareSituation);

/** For the bar's actions: the pointer or focus reaching one fetches the code, so a press finds it here. */
export const preloadScriptFiles = (): void => void filesCode.load().catch(() => undefined);

interface Waiting {
  readonly resolve: (files: ScriptFiles) => void;
  readonly reject: (error: unknown) => void;
}

export interface DeferredScriptFiles {
  /** The code, at once or once it arrives; rejected when it could not be fetched (the next ask fetches again). */
  ready(): Promise<ScriptFiles>;
  /** Draw it in the bar: the loaded code's component, once here. */
  readonly drawn: ReactNode;
}

/**
 * The session bar's script files (SessionScriptFiles.tsx), fetched on first need: each press made
 * before the code arrived is carried out, in order, once it has; a fetch that failed (offline for a
 * moment) fails each waiting press, which says so.
 */
export function useScriptFiles(): DeferredScriptFiles {
  const [module, setModule] = useState(() => filesCode.loaded);
  const files = useRef<ScriptFiles>(null);
  const waiting = useRef<Waiting[]>([]);
  const onReady = useCallback(() => {
    const pressed = waiting.current;
    waiting.current = [];
    for (const { resolve } of pressed) if (files.current) resolve(files.current);
  }, []);
  const ready = () => {
    if (files.current) return Promise.resolve(files.current);
    const answer = new Promise<ScriptFiles>((resolve, reject) => waiting.current.push({ resolve, reject }));
    filesCode.load().then(
      (loaded) => setModule(() => loaded),
      (error: unknown) => {
        const pressed = waiting.current;
        waiting.current = [];
        for (const { reject } of pressed) reject(error);
      },
    );
    return answer;
  };
  // Fetched since the bar was drawn (the pointer reached it): drawn from the next render on.
  const Files = (module ?? filesCode.loaded)?.SessionScriptFiles;
  return { ready, drawn: Files ? <Files handle={files} onReady={onReady} /> : null };
}
