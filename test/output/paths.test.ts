import { describe, expect, it } from 'vitest';
import { outputNames, safeName } from '../../src/output/paths.ts';

describe('output names', () => {
  it('keeps plain stems', () => {
    expect(outputNames(['s/a.yaml', 's/b.yml'])).toEqual(['a', 'b']);
  });

  it('disambiguates the same stem in different folders by folder', () => {
    expect(outputNames(['s/team-a/q1.yaml', 's/team-b/q1.yaml'])).toEqual(['team-a-q1', 'team-b-q1']);
  });

  it('never produces a path that leaves the output folder', () => {
    for (const name of ['../../x', '..', '/etc/passwd', 'a/../../b', '.hidden']) {
      const safe = safeName(name);
      expect(safe).not.toMatch(/[/\\]/);
      expect(safe.startsWith('.')).toBe(false);
    }
  });
});
