import { describe, expect, it } from 'vitest';
import type { KernelClient } from '../../src/kernel/client';
import { NO_DAY } from '../../src/kernel/matrix';
import type { RoiData } from '../../src/kernel/roi';
import { nextTask } from '../../src/kernel/tasks';
import { defaultRoi } from '../../src/model/scenario';
import type { DatasetState } from '../../src/state/dataset.svelte';
import { fillDaysToWin, RoiState } from '../../src/state/roi.svelte';

const DAY_2024_01_01 = 19723;
const DAY_2024_04_01 = 19814;

/** Three leads: won in Q1 (created Q1), lost, won without a created day; revenue in EUR and USD. */
function fixture() {
  const dataset = {
    version: 1,
    leads: {
      n: 3,
      outcome: Uint8Array.of(1, 2, 1),
      createdDay: Int32Array.of(DAY_2024_01_01, DAY_2024_04_01, NO_DAY),
    },
    revenue: {
      lead: Int32Array.of(0, 2),
      currency: Int32Array.of(0, 1),
      amount: Float64Array.of(1000, 500),
      wonDay: Int32Array.of(DAY_2024_01_01 + 30, DAY_2024_04_01 + 5),
      currencies: ['EUR', 'USD'],
    },
    dealSteps: { step: new Int8Array(0), stage: new Int32Array(0), stages: [] },
  };
  const sent: RoiData[] = [];
  const kernel = {
    setRoiDataInSteps: async (d: RoiData, pause: () => Promise<void>, isCurrent: () => boolean) => {
      await pause();
      if (isCurrent()) sent.push(d);
    },
  };
  const state = new RoiState(dataset as unknown as DatasetState, kernel as unknown as KernelClient);
  return { state, sent };
}

describe('RoiState.send', () => {
  it('hands the kernel revenue, quarters and days to win once its steps are done', async () => {
    const { state, sent } = fixture();
    const roi = { ...defaultRoi(3), currency: 'EUR', rates: null, cohort: 'created' as const };
    const sending = state.send(roi);
    expect(sent).toHaveLength(0); // the steps run in tasks of their own
    await sending;
    expect(sent).toHaveLength(1);
    expect(Array.from(sent[0].amount)).toEqual([1000, 0, 0]); // USD has no rate: left out
    expect(sent[0].labels).toEqual(['2024-Q1', '2024-Q2']);
    expect(Array.from(sent[0].quarter)).toEqual([0, 1, -1]);
    expect(Array.from(sent[0].daysToWin)).toEqual([30, NaN, NaN]);
    expect(state.sentKey).toBe(sent[0].key);
    expect(state.unplaced).toBe(1);
    expect(state.excluded).toEqual([{ currency: 'USD', leads: 1, amount: 500 }]);
  });

  it('sends only the latest of sends under way, and once for inputs already on their way', async () => {
    const { state, sent } = fixture();
    const eur = { ...defaultRoi(3), currency: 'EUR', rates: null, cohort: 'created' as const };
    const usd = { ...eur, currency: 'USD' };
    await Promise.all([state.send(eur), state.send(eur), state.send(usd), state.send(usd)]);
    expect(sent).toHaveLength(1);
    expect(Array.from(sent[0].amount)).toEqual([0, 0, 500]);
    await state.send(usd);
    expect(sent).toHaveLength(1);
  });
});

describe('RoiState.send during a drag', () => {
  it('is not restarted by re-runs with the same inputs (each scenario change re-runs it)', async () => {
    const { state, sent } = fixture();
    const eur = { ...defaultRoi(3), currency: 'EUR', rates: null, cohort: 'created' as const };
    void state.send(eur);
    for (let move = 0; move < 10; move++) {
      void state.send(eur);
      await nextTask();
    }
    expect(sent).toHaveLength(1);
  });
});

describe('fillDaysToWin', () => {
  it('counts days from creation to win for won leads with both days, NaN otherwise', () => {
    const days = fillDaysToWin(
      new Float64Array(5).fill(7),
      Uint8Array.of(1, 1, 2, 0, 1),
      Int32Array.of(10, NO_DAY, 10, 10, 20),
      Int32Array.of(15, 30, 40, 40, NO_DAY),
    );
    expect(Array.from(days)).toEqual([5, NaN, NaN, NaN, NaN]);
  });
});
