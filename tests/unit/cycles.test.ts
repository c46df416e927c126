// No import cycles anywhere in the app's code, type-only imports included (.dependency-cruiser.cjs):
// a cycle ties two floors together, so the layers only look separate.
import { createRequire } from 'node:module';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

describe('imports', () => {
  it('form no cycle in core, db, electron, renderer or scripts', async () => {
    const { output } = await cruise(['core', 'db', 'electron', 'renderer/src', 'scripts'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
    const result = output as ICruiseResult;
    const cycles = result.summary.violations.filter((v) => v.rule.name === 'no-circular').map((v) => [v.from, ...(v.cycle ?? []).map((c) => c.name)].join(' → '));
    expect(cycles).toEqual([]);
    // It did look: every floor's files were read.
    expect(result.modules.filter((m) => /^(core|db|electron|renderer)\//.test(m.source)).length).toBeGreaterThan(200);
  }, 60_000);
});
