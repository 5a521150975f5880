import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissingDependencyError, optionalDependency, type OptionalDependency } from './optional-dependency.ts';

const chromium = (present: boolean): OptionalDependency => ({
  what: "Debian's chromium (/usr/bin/chromium)",
  present,
  how: 'apt-get install -y chromium',
  requireVar: 'REQUIRE_CHROMIUM',
  skipped: 'browser journeys',
});

describe('optional test dependencies', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says nothing and runs the suite when the dependency is there', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(optionalDependency(chromium(true), { REQUIRE_CHROMIUM: '1' })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips with the reason and the way to get it when absent and not required', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(optionalDependency(chromium(false), {})).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(/browser journeys.*chromium.*absent.*apt-get install -y chromium.*REQUIRE_CHROMIUM=1/);
  });

  it('fails instead of skipping when its REQUIRE_ variable is set (CI)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => optionalDependency(chromium(false), { REQUIRE_CHROMIUM: '1' })).toThrow(MissingDependencyError);
    expect(() => optionalDependency(chromium(false), { REQUIRE_CHROMIUM: 'true' })).toThrow(/REQUIRE_CHROMIUM=1: browser journeys cannot be skipped/);
    expect(optionalDependency(chromium(false), { REQUIRE_CHROMIUM: '0', REQUIRE_SHARED: '1' })).toBe(false);
  });
});
