import { defaultScenario } from '../model/defaultScenario';
import type { Scenario } from '../model/scenario';

/**
 * The scenario being edited and the saved baseline ("live") model it is compared with. Weight and
 * threshold edits keep the document valid.
 */
class ScenarioState {
  current = $state<Scenario>(defaultScenario({ withUrgency: true }));
  baseline = $state<Scenario>(defaultScenario({ withUrgency: true }));
  readonly changed = $derived(JSON.stringify(this.current) !== JSON.stringify(this.baseline));

  /** Starts over from the default model, which also becomes the baseline (new data). */
  start(withUrgency: boolean): Scenario {
    this.current = defaultScenario({ withUrgency });
    this.baseline = defaultScenario({ withUrgency });
    return this.current;
  }

  /** Back to the baseline model. */
  reset(): void {
    this.current = structuredClone($state.snapshot(this.baseline));
  }

  saveAsBaseline(): void {
    this.baseline = structuredClone($state.snapshot(this.current));
  }

  setWeight(dimension: number, weight: number): void {
    const d = this.current.dimensions[dimension];
    if (d && Number.isFinite(weight)) d.weight = Math.min(100, Math.max(0, weight));
  }

  /** Keeps thresholds strictly decreasing: a value is clamped between its neighbours. */
  setThreshold(tier: number, min: number): void {
    const tiers = this.current.tiers;
    if (tier < 0 || tier >= tiers.length - 1 || !Number.isFinite(min)) return;
    const upper = tier === 0 ? 100 : tiers[tier - 1].min - 0.5;
    const lower = tier === tiers.length - 2 ? 0.5 : tiers[tier + 1].min + 0.5;
    tiers[tier].min = Math.min(upper, Math.max(lower, min));
  }
}

export const scenario = new ScenarioState();
