// Adds up the JSON reports the test suites wrote into test/output/ and prints one plain closing
// line, "N passed, N failed", which CI reads whatever the runner. Exits 1 when any test failed or
// a suite wrote no report.
import { existsSync, readFileSync } from 'node:fs';

const suites = ['unit', 'browser', 'stories', 'e2e'];
let passed = 0;
let failed = 0;
let missing = 0;
for (const suite of suites) {
  const file = `test/output/results-${suite}.json`;
  if (!existsSync(file)) {
    console.log(`${suite}: no report at ${file}`);
    missing++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const endTime = Math.max(report.startTime, ...report.testResults.map((file) => file.endTime ?? report.startTime));
  const seconds = ((endTime - report.startTime) / 1000).toFixed(1);
  console.log(`${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${report.testResults.length} files, ${seconds} s)`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing > 0 ? 1 : 0);
