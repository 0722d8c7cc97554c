import type { MessageKey } from '../../i18n/en';
import type { Change } from '../../model/diff';
import type { Scenario } from '../../model/scenario';
import { i18n } from '../../state/i18n.svelte';
import { dimensionName } from '../labels';
import { decayText } from './describeRule';

/** One line of plain language for a change, naming dimensions and rules as the editor does. */
export function describeChange(c: Change, scenario: Scenario): string {
  const dim = (id: string) => {
    const d = scenario.dimensions.find((x) => x.id === id);
    return d ? dimensionName(d) : id;
  };
  const key = `change.${c.kind}` as MessageKey;
  switch (c.kind) {
    case 'weight':
      return i18n.t(key, { what: dim(c.dimension), from: c.from, to: c.to });
    case 'threshold':
      return i18n.t(key, { what: c.tier, from: c.from, to: c.to });
    case 'tier-name':
      return i18n.t(key, { what: c.index + 1, from: c.from, to: c.to });
    case 'points':
      return i18n.t(key, {
        what: c.index > 0 ? `${c.rule} #${c.index + 1}` : c.rule,
        from: c.from,
        to: c.to,
      });
    case 'cap':
      return i18n.t(key, { what: c.rule, from: c.from, to: c.to });
    case 'decay':
      return i18n.t(key, { what: c.rule, from: decayText(c.from), to: decayText(c.to) });
    case 'disqualify':
      return i18n.t(key, {
        what: c.rule,
        from: i18n.t(c.from ? 'common.yes' : 'common.no'),
        to: i18n.t(c.to ? 'common.yes' : 'common.no'),
      });
    case 'rule-added':
    case 'rule-removed':
      return i18n.t(key, { what: `${c.rule} (${dim(c.dimension)})` });
    case 'dimension-added':
    case 'dimension-removed':
      return i18n.t(key, { what: dim(c.dimension) });
  }
}
