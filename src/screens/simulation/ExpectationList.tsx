import { useId } from 'react';
import type { ExpectationResult } from '../../../simulator/schema/result.ts';
import { ExpectationItem } from './ExpectationItem.tsx';

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
            <ExpectationItem key={result.index} result={result}>
              {result.traceSeq !== undefined && (
                <>
                  {' '}
                  — <a href={`#trace-${result.traceSeq}`}>see trace entry {result.traceSeq}</a>
                </>
              )}
            </ExpectationItem>
          ))}
        </ul>
      )}
    </section>
  );
}
