import { describe, expect, it } from 'vitest';
import { addressIn, refetchableImport } from '../../../src/common/refetchableImport.ts';

describe('refetchableImport', () => {
  it('reads the failed script from Chromium’s and Firefox’s messages, not from others', () => {
    expect(addressIn(new TypeError('Failed to fetch dynamically imported module: https://exitflow.example/assets/LoadedDialog-Ab1_x.js'))).toBe(
      'https://exitflow.example/assets/LoadedDialog-Ab1_x.js',
    );
    expect(addressIn(new TypeError('error loading dynamically imported module: http://localhost:4173/assets/LoadedDialog-Ab1_x.js?try=1'))).toBe(
      'http://localhost:4173/assets/LoadedDialog-Ab1_x.js',
    );
    expect(addressIn(new TypeError('Importing a module script failed.'))).toBeNull();
    expect(addressIn('offline')).toBeNull();
  });

  it('imports as asked until a failure; a failure that names no script is tried the same way again', async () => {
    let imports = 0;
    const load = refetchableImport(() => (++imports === 1 ? Promise.reject(new TypeError('Importing a module script failed.')) : Promise.resolve({ code: 1 })));
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    await expect(load()).resolves.toEqual({ code: 1 });
    expect(imports).toBe(2);
  });

  it('after a failure that names the script, asks for it at another address, never the same import again', async () => {
    let imports = 0;
    const load = refetchableImport(() => {
      imports += 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:9/assets/LoadedDialog-Ab1_x.js'));
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    // Nothing listens there: the second try fails too, but it was not the import that failed before.
    await expect(load()).rejects.toThrow();
    expect(imports).toBe(1);
  });
});
