/**
 * What a clone may lack: Debian's chromium, or the France demo road network that lives in `../shared`
 * beside the checkout (not in the repository: its licence is not stated). A suite that needs one skips
 * with a printed reason when it is absent — unless the matching REQUIRE_* variable is set, as CI sets
 * them: then the file fails, so a run cannot be green while quietly skipping what it was meant to test.
 */
export interface OptionalDependency {
  /** What is needed, for the message ("Debian's chromium"). */
  what: string;
  /** Whether it is there. */
  present: boolean;
  /** How to get it ("apt-get install -y chromium"). */
  how: string;
  /** The variable that turns a skip into a failure. */
  requireVar: 'REQUIRE_CHROMIUM' | 'REQUIRE_SHARED' | 'REQUIRE_PGROUTING';
  /** What is skipped without it ("browser journeys"). */
  skipped: string;
}

const truthy = (v: string | undefined) => v !== undefined && ['1', 'true', 'yes'].includes(v.toLowerCase());

/** Thrown when a required dependency is absent: the test file fails with this message. */
export class MissingDependencyError extends Error {
  constructor(dep: OptionalDependency) {
    super(`${dep.what} is absent and ${dep.requireVar}=1: ${dep.skipped} cannot be skipped (${dep.how})`);
    this.name = 'MissingDependencyError';
  }
}

/**
 * Returns whether the dependency is present. When it is not: throws {@link MissingDependencyError} if its
 * REQUIRE_* variable is set, otherwise prints once why the suite is skipped and returns false.
 */
export function optionalDependency(dep: OptionalDependency, env: NodeJS.ProcessEnv = process.env): boolean {
  if (dep.present) return true;
  if (truthy(env[dep.requireVar])) throw new MissingDependencyError(dep);
  console.warn(`[skip] ${dep.skipped}: ${dep.what} is absent (${dep.how}). Set ${dep.requireVar}=1 to fail instead.`);
  return false;
}
