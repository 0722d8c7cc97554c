import { describe, expect, it } from 'vitest';
import { StepTimer } from '../../src/kernel/steps';

describe('StepTimer', () => {
  it('times each step from where the last ended, in order, and adds up a step named twice', () => {
    const clock = [10, 13, 20, 21, 30];
    const steps = new StepTimer(() => clock.shift()!);
    steps.lap('score');
    steps.lap('groups');
    steps.lap('calibrate');
    steps.lap('groups');
    expect(steps.ms).toEqual({ score: 3, groups: 7 + 9, calibrate: 1 });
    expect(Object.keys(steps.ms)).toEqual(['score', 'groups', 'calibrate']);
  });
});
