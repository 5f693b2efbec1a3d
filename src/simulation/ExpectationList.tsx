import { useId } from 'react';
import type { ExpectationResult } from '../../simulator/schema/result.ts';

/** Each expectation of the script: whether it holds, in the engine's words. */
export function ExpectationList({ expectations }: { expectations: readonly ExpectationResult[] }) {
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Expectations
      </h2>
      {expectations.length === 0 ? (
        <p className="notice">This script states no expectations.</p>
      ) : (
        <ul className="expectations">
          {expectations.map((result) => (
            <li key={result.index} className={`expectation expectation--${result.passed ? 'holds' : 'fails'}`}>
              <span className="expectation-mark" aria-hidden="true">
                {result.passed ? '✓' : '✗'}
              </span>
              <span className="visually-hidden">{result.passed ? 'Holds: ' : 'Fails: '}</span>
              <span>
                {result.message}
                {result.traceSeq !== undefined && (
                  <>
                    {' '}
                    — <a href={`#trace-${result.traceSeq}`}>see trace entry {result.traceSeq}</a>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
