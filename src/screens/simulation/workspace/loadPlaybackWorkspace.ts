/** The workspace with its canvas (React Flow): a chunk of its own, loaded when a simulation is first shown, not with the app. */
export const loadPlaybackWorkspace = () => import('./PlaybackWorkspace.tsx').then((module) => ({ default: module.PlaybackWorkspace }));

/**
 * Starts that download ahead of the render that needs it (the browser loads a module once), so it
 * runs beside the reads of the example's files instead of after them. A failure is left for the
 * render to meet and report.
 */
export function preloadPlaybackWorkspace(): void {
  loadPlaybackWorkspace().catch(() => undefined);
}
