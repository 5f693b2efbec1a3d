import type { ReactNode } from 'react';
import type { ExpectationResult } from '../../../simulator/schema/result.ts';

/** One expectation of a script: its mark, whether it holds (in words too), the engine's message, and where to look. */
export function ExpectationItem({ result, children }: { result: ExpectationResult; children?: ReactNode }) {
  return (
    <li className={`expectation expectation--${result.passed ? 'holds' : 'fails'}`}>
      <span className="expectation-mark" aria-hidden="true">
        {result.passed ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{result.passed ? 'Holds: ' : 'Fails: '}</span>
      <span>
        {result.message}
        {children}
      </span>
    </li>
  );
}
