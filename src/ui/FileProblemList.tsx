import type { FileProblem } from './fileProblem.ts';

interface Props {
  readonly title: string;
  readonly problems: readonly FileProblem[];
}

/** Every problem of every file: the file, the JSON path, and what is wrong there. */
export function FileProblemList({ title, problems }: Props) {
  return (
    <section className="problems" role="alert">
      <h2 className="problems-title">{title}</h2>
      <ul className="problems-list">
        {problems.map((problem, i) => (
          <li key={i}>
            <code className="problem-file">{problem.file}</code> at <code className="problem-path">{problem.path}</code>:{' '}
            <span className="problem-message">{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
