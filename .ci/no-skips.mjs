// Fails CI when any test was skipped: in CI every dependency is installed (chromium, PostgreSQL,
// ../shared), so a skip means something is missing and the run must not be green.
// Usage: node .ci/no-skips.mjs <vitest JSON report>
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = [];
for (const file of report.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'passed' && t.status !== 'failed') skipped.push(`${file.name}: ${t.fullName} (${t.status})`);
  }
}
const ran = report.numPassedTests + report.numFailedTests;
if (ran === 0) {
  console.error('ci: no test ran');
  process.exit(1);
}
if (skipped.length > 0) {
  console.error(`ci: ${skipped.length} test(s) skipped, which CI does not allow (every dependency is installed here):`);
  for (const s of skipped) console.error(`  - ${s}`);
  process.exit(1);
}
console.log(`ci: ${ran} tests ran, none skipped`);
