import { CircleAlert } from 'lucide-react';

/** A node's problems as words added to its name ("…, 2 problems: …"); nothing without any. */
export function problemsName(problems: readonly string[]): string {
  return problems.length === 0 ? '' : `, ${problemCount(problems)}: ${problems.join('; ')}`;
}

const problemCount = (problems: readonly string[]) => `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;

/** How many problems a node has, with the problems as its accessible name and tooltip. */
export function ProblemBadge({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  const text = problems.join('\n');
  return (
    <span className="flow-node__problems" role="img" aria-label={`${problemCount(problems)}: ${problems.join('; ')}`} title={text}>
      <CircleAlert aria-hidden size={14} /> {problems.length}
    </span>
  );
}
