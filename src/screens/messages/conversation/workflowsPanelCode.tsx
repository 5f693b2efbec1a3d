import { Play } from 'lucide-react';
import { loadOnce } from '../../../common/loadOnce.ts';
import { refetchableImport } from '../../../common/refetchableImport.ts';

const importPanel = refetchableImport(() => import('./WorkflowsPanel.tsx'));

/**
 * The Workflows panel — its tabs, the ongoing runs with their Stop and its question, the shortcuts
 * — opens only from the Workflows icon, so the conversation's first frame does without its code.
 */
export const workflowsPanelCode = loadOnce(() => importPanel().then((module) => module.WorkflowsPanel));

/** As the pointer or focus reaches the Workflows icon, so the panel opens without a wait. */
export const preloadWorkflowsPanel = (): void => void workflowsPanelCode.load().catch(() => undefined);

/**
 * The shortcuts' Start icon, made here with the first load though only the panel shows it: the
 * simulator's playback bar draws the same icon, and imported by the panel alone it became a file
 * of its own in the simulator's first load.
 */
export const shortcutStartIcon = <Play size={14} aria-hidden />;
