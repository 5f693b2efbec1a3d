// The fuzzing sandbox's thread: TypeScript through tsx (as `npm run simulate` runs), then the checks.
// A thread, so the test can terminate a case that hangs in a synchronous loop.
import { register } from 'tsx/esm/api';

register();
await import('./sandboxEntry.ts');
