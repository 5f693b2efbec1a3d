import { describe, expect, it, vi } from 'vitest';
import { browserHistory, memoryHistory, splitHref } from '../../../src/routing/history.ts';

describe('splitHref', () => {
  it('separates the path from the query and drops the hash', () => {
    expect(splitHref('/simulator?example=a#x')).toEqual({ pathname: '/simulator', search: '?example=a' });
    expect(splitHref('')).toEqual({ pathname: '/', search: '' });
    expect(splitHref('?a=1')).toEqual({ pathname: '/', search: '?a=1' });
  });
});

describe('memoryHistory', () => {
  it('pushes, replaces and goes back, telling subscribers only about Back', () => {
    const history = memoryHistory('/');
    const listener = vi.fn();
    history.subscribe(listener);
    history.push('/messages');
    history.push('/simulator?example=a');
    history.replace('/simulator?example=b');
    expect(history.location()).toEqual({ pathname: '/simulator', search: '?example=b' });
    expect(listener).not.toHaveBeenCalled();
    history.back();
    expect(history.location().pathname).toBe('/messages');
    expect(listener).toHaveBeenCalledTimes(1);
    history.push('/builder');
    expect(history.entries).toEqual(['/', '/messages', '/builder']);
  });
});

/** A stand-in for `window` with just what browserHistory touches. */
function fakeWindow(pathname: string) {
  const target = new EventTarget();
  const location = { pathname, search: '' };
  const pushed: string[] = [];
  const record = (_state: unknown, _title: string, url: string) => {
    pushed.push(url);
    const [path = '/', query] = url.split('?');
    location.pathname = path;
    location.search = query === undefined ? '' : `?${query}`;
  };
  return Object.assign(target, { location, history: { pushState: record, replaceState: record }, pushed }) as unknown as Window & { pushed: string[] };
}

describe('browserHistory', () => {
  it('works under a base path: reads without it, writes and links with it', () => {
    const window = fakeWindow('/exitflow/messages');
    const history = browserHistory('/exitflow/', window);
    expect(history.location().pathname).toBe('/messages');
    expect(history.createHref('/builder/a')).toBe('/exitflow/builder/a');
    history.push('/simulator?example=x');
    expect(window.pushed).toEqual(['/exitflow/simulator?example=x']);
    expect(history.location()).toEqual({ pathname: '/simulator', search: '?example=x' });
  });

  it('tells subscribers about Back and Forward (popstate) until unsubscribed', () => {
    const window = fakeWindow('/');
    const history = browserHistory('/', window);
    const listener = vi.fn();
    const unsubscribe = history.subscribe(listener);
    window.dispatchEvent(new Event('popstate'));
    unsubscribe();
    window.dispatchEvent(new Event('popstate'));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
