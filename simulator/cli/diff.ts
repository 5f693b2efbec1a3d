import { processIo } from './output.ts';
import { runDiff } from './runDiff.ts';

/**
 * `npm run diff`: the command line's entry. Everything it does is `runDiff`; this file only joins
 * it to the process — its arguments, exit code and file descriptors.
 */
process.exitCode = runDiff(process.argv.slice(2), processIo);
