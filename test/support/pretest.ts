// Run by npm before `npm test` (the "pretest" script) and by .ci/run.
import { ensureChromium } from './ensureChromium.ts';

process.exitCode = ensureChromium();
