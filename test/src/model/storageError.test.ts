import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageFailure } from '../../../src/model/storageError.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('describeStorageFailure', () => {
  it('names a full disk as a quota failure, with what to do about it', () => {
    const failure = describeStorageFailure(quota());
    expect(failure.kind).toBe('quota');
    expect(failure.message).toMatch(/storage quota exceeded.*export a backup/i);
  });

  it('finds a QuotaExceededError wrapped as the inner error of an abort', () => {
    // As Dexie reports a transaction the browser aborted for want of space.
    expect(describeStorageFailure(new Dexie.AbortError('Transaction aborted', quota())).kind).toBe('quota');
    expect(describeStorageFailure(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() })).kind).toBe('quota');
  });

  it('finds it two wrappers deep, and under an open failure', () => {
    const aborted = new Dexie.AbortError('Transaction aborted', quota());
    expect(describeStorageFailure(new Dexie.OpenFailedError('Open failed', aborted)).kind).toBe('quota');
  });

  it('names a VersionError as outdated: a newer exitflow changed the data', () => {
    expect(describeStorageFailure(new DOMException('version is lower', 'VersionError')).kind).toBe('outdated');
    expect(describeStorageFailure(new Dexie.VersionError('stored data is newer')).kind).toBe('outdated');
  });

  it('names an operation refused because the open met a newer database outdated, not merely closed', () => {
    // What every read and write gets after an older build refused to open an upgraded database.
    const refused = new Dexie.DatabaseClosedError(new Dexie.VersionError('stored data is newer'));
    expect(describeStorageFailure(refused)).toEqual({ kind: 'outdated', message: expect.stringMatching(/Reload this tab/) });
  });

  it('names a closed database as closed, asking to reload', () => {
    expect(describeStorageFailure(new Dexie.DatabaseClosedError('Database has been closed'))).toEqual({
      kind: 'closed',
      message: expect.stringMatching(/Reload this tab/),
    });
  });

  it('names storage the browser withholds as unavailable', () => {
    for (const error of [new Dexie.MissingAPIError('indexedDB API missing'), new Dexie.OpenFailedError('open failed'), new DOMException('invalid', 'InvalidStateError')])
      expect(describeStorageFailure(error).kind).toBe('unavailable');
  });

  it('passes on the message of anything else', () => {
    expect(describeStorageFailure(new TypeError('boom'))).toEqual({ kind: 'unknown', message: 'Storage failed: boom' });
    expect(describeStorageFailure('a thrown string')).toEqual({ kind: 'unknown', message: 'Storage failed: a thrown string' });
    expect(describeStorageFailure(undefined)).toEqual({ kind: 'unknown', message: 'Storage failed: undefined' });
  });

  it('ends on an error that wraps itself', () => {
    const loop: { name: string; message: string; inner?: unknown } = { name: 'AbortError', message: 'loop' };
    loop.inner = loop;
    expect(describeStorageFailure(loop).kind).toBe('unknown');
  });
});
