import { describe, expect, it } from 'vitest';
import { describeError, listenForBackgroundErrors, type BackgroundError } from '../../../src/app/backgroundErrors.ts';

function listen() {
  const target = new EventTarget();
  const reported: BackgroundError[] = [];
  const stop = listenForBackgroundErrors(target, (error) => reported.push(error));
  const error = (init: { error?: unknown; message?: string }) => target.dispatchEvent(Object.assign(new Event('error'), init));
  const rejection = (reason: unknown) => target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason }));
  return { reported, stop, error, rejection };
}

describe('background errors', () => {
  it('reports uncaught errors and unhandled rejections with their message', () => {
    const { reported, error, rejection } = listen();
    error({ error: new Error('Disk on fire'), message: 'Uncaught Error: Disk on fire' });
    rejection(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    rejection('plain text');
    expect(reported.map((entry) => entry.description)).toEqual(['Disk on fire', 'The quota has been exceeded.', 'plain text']);
    expect(reported[0]?.title).toBe('Something went wrong in the background');
  });

  it('falls back to the event message, and ignores ResizeObserver loop noise', () => {
    const { reported, error } = listen();
    error({ message: 'Script error.' });
    error({ message: 'ResizeObserver loop completed with undelivered notifications.' });
    expect(reported.map((entry) => entry.description)).toEqual(['Script error.']);
  });

  it('stops listening when unsubscribed', () => {
    const { reported, stop, rejection } = listen();
    stop();
    rejection(new Error('late'));
    expect(reported).toEqual([]);
  });

  it('describes anything thrown', () => {
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError(new TypeError(''))).toBe('TypeError');
  });
});
