import { Info } from 'lucide-react';

/**
 * The Workflows the session runs, under the conversations: it says which of the stored Workflows
 * can answer, without taking a line of the session bar or of the inbox.
 */
export function RunningWorkflows({ names }: { readonly names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="running-workflows">
      <Info size={14} aria-hidden />
      <span>Running: {names.join(', ')}</span>
    </p>
  );
}
