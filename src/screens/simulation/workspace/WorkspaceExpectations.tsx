import { formatOffset } from '../../../../simulator/schema/duration.ts';
import type { PlaybackInfo } from '../../../../simulator/schema/playback.ts';
import { ExpectationItem } from '../ExpectationItem.tsx';

interface Props {
  readonly expectations: PlaybackInfo['expectations'];
  readonly onSeek: (t: number) => void;
}

/** The script's expectations on the whole run, with the way to the instant that shows why one fails. */
export function WorkspaceExpectations({ expectations, onSeek }: Props) {
  if (expectations.length === 0) return null;
  const failed = expectations.filter((result) => !result.passed).length;
  return (
    // Focusable: in the side panel it scrolls inside itself when the list is long, and a keyboard must reach that.
    <section className="workspace-expectations" aria-label="Expectations with these settings" tabIndex={0}>
      <h2 className="workspace__heading">
        Expectations: {failed === 0 ? (expectations.length === 1 ? 'it holds' : `all ${expectations.length} hold`) : `${failed} of ${expectations.length} fail`}
      </h2>
      <ul className="workspace-expectations__list">
        {expectations.map((result) => (
          <ExpectationItem key={result.index} result={result}>
            {!result.passed && result.at !== undefined && (
              <>
                {' '}
                <button type="button" className="contact-trace__seek" onClick={() => onSeek(result.at as number)}>
                  Go to {formatOffset(result.at)}, where it went wrong
                </button>
              </>
            )}
          </ExpectationItem>
        ))}
      </ul>
    </section>
  );
}
