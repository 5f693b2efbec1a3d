import { processIo } from './output.ts';
import { runSimulate } from './runSimulate.ts';

/**
 * `npm run simulate`: the command line's entry. Everything it does is `runSimulate`;
 * this file only joins it to the process — its arguments, exit code and file descriptors.
 */
process.exitCode = runSimulate(process.argv.slice(2), processIo);
