import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_DIR, summaryTable, type PropertyReport } from './runner.ts';

/** `npm run fuzz`'s last word: one table of every property's counts, from test/output/fuzz/*.json. */
const files = existsSync(REPORT_DIR) ? readdirSync(REPORT_DIR).filter((file) => file.endsWith('.json')) : [];
const reports: PropertyReport[] = [];
let profile = 'default';
for (const file of files.sort()) {
  const saved = JSON.parse(readFileSync(join(REPORT_DIR, file), 'utf8')) as { profile: string; reports: PropertyReport[] };
  profile = saved.profile;
  reports.push(...saved.reports);
}
if (reports.length === 0) console.log('No fuzzing reports in test/output/fuzz (did the suite run?)');
else console.log(`\nFuzzing summary (${profile} profile, ${files.length} files)\n\n${summaryTable(reports)}\n`);
