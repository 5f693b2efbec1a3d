import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../src/common/loadOnce.ts';

describe('loadOnce', () => {
  it('fetches once for every caller, and keeps what it gave', async () => {
    let fetches = 0;
    const code = loadOnce(() => Promise.resolve(`code ${++fetches}`));
    expect(code.loaded).toBeNull();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect([a, b, await code.load()]).toEqual(['code 1', 'code 1', 'code 1']);
    expect(fetches).toBe(1);
    expect(code.loaded).toBe('code 1');
  });

  it('forgets a failed fetch, so the next call tries again', async () => {
    let fetches = 0;
    const code = loadOnce(() => (++fetches === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('code')));
    await expect(code.load()).rejects.toThrow('offline');
    expect(code.loaded).toBeNull();
    await expect(code.load()).resolves.toBe('code');
    expect(fetches).toBe(2);
  });

  it('whenLoaded answers at once from loaded code, and after the fetch otherwise', async () => {
    const code = loadOnce(() => Promise.resolve('code'));
    const seen: string[] = [];
    code.whenLoaded((value) => seen.push(`first ${value}`));
    expect(seen).toEqual([]);
    await code.load();
    expect(seen).toEqual(['first code']);
    code.whenLoaded((value) => seen.push(`second ${value}`));
    // In the same task: a press answered from loaded code has no frame's gap.
    expect(seen).toEqual(['first code', 'second code']);
  });

  it('whenLoaded tells a failure, and the next call fetches again', async () => {
    let fetches = 0;
    const code = loadOnce(() => (++fetches === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('code')));
    const failed = new Promise<string>((resolve) => code.whenLoaded(() => resolve('used'), () => resolve('failed')));
    expect(await failed).toBe('failed');
    const used = new Promise<string>((resolve) => code.whenLoaded(resolve, () => resolve('failed')));
    expect(await used).toBe('code');
    expect(fetches).toBe(2);
  });
});
