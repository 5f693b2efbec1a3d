import type { Page } from 'playwright-core';

/**
 * Everything stored in one IndexedDB database of the page's origin, read with the raw browser API
 * (not through the app), as one JSON string: equal strings mean byte-identical stored data.
 */
export function dumpIndexedDb(page: Page, name = 'exitflow'): Promise<string> {
  return page.evaluate(
    (dbName) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const storeNames = Array.from(db.objectStoreNames).sort();
          if (storeNames.length === 0) {
            db.close();
            resolve('{}');
            return;
          }
          const transaction = db.transaction(storeNames, 'readonly');
          const dump: Record<string, unknown> = {};
          for (const storeName of storeNames) {
            const request = transaction.objectStore(storeName).getAll();
            request.onsuccess = () => (dump[storeName] = request.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(dump));
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    name,
  );
}
