import { CircleAlert } from 'lucide-react';

/** How many problems a node has, with the problems as its accessible name and tooltip. */
export function ProblemBadge({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  const text = problems.join('\n');
  return (
    <span className="flow-node__problems" role="img" aria-label={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${problems.join('; ')}`} title={text}>
      <CircleAlert aria-hidden size={14} /> {problems.length}
    </span>
  );
}
