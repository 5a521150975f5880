/**
 * Solves a matching instance file without the database, for what-if runs:
 *   npm run match -- <instance.json>
 * Prints the result as JSON on stdout; on a bad file, one clear line on stderr and exit code 1.
 * The format is documented in server/matching/README.md.
 */
import { readFileSync } from 'node:fs';
import { SearchLimitError } from '../server/matching/branch-and-bound.ts';
import { solveMatching } from '../server/matching/solve.ts';
import { MatchingInputError } from '../server/matching/validate-instance.ts';

function fail(message: string): never {
  process.stderr.write(`match: ${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail('usage: npm run match -- <instance.json>');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (e) {
  fail(`${file} is not valid JSON: ${(e as Error).message}`);
}
try {
  process.stdout.write(`${JSON.stringify(solveMatching(json), null, 2)}\n`);
} catch (e) {
  if (e instanceof MatchingInputError || e instanceof SearchLimitError) fail(e.message);
  throw e;
}
