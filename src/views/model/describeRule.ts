import type { MessageKey } from '../../i18n/en';
import type { Decay, Rule } from '../../model/scenario';
import { perFrozen } from '../../model/perFrozen';
import type { Locale } from '../../i18n/translate';
import { i18n } from '../../state/i18n.svelte';

export interface RuleLine {
  text: string;
  points: number | null;
}

const field = (f: string) => i18n.t(`role.${f}` as MessageKey);

/** A decay in plain language (the rule list and the scenario diff say it the same way). */
export function decayText(d: Decay): string {
  if (d.kind === 'none') return i18n.t('model.decay.none');
  if (d.kind === 'exponential') return i18n.t('model.decay.exponential', { days: d.halfLifeDays });
  return i18n.t(`model.decay.${d.kind}`, { days: d.windowDays });
}

/** A rule as lines of plain language with the points each case gives. */
export function describeRule(rule: Rule): RuleLine[] {
  switch (rule.kind) {
    case 'category':
      return rule.cases.map((c) => ({
        text: i18n.t('model.rule.category', { field: field(rule.field), values: c.values.join(' / ') }),
        points: c.points,
      }));
    case 'bands':
      return rule.bands.map((b) => ({
        text: i18n.t('model.rule.band', {
          field: field(rule.field),
          min: b.min === null ? `−${i18n.t('model.unbounded')}` : i18n.count(b.min),
          max: b.max === null ? i18n.t('model.unbounded') : i18n.count(b.max),
        }),
        points: b.points,
      }));
    case 'boolean':
      return [
        { text: i18n.t('model.rule.boolean.true', { field: field(rule.field) }), points: rule.pointsTrue },
        { text: i18n.t('model.rule.boolean.false', { field: field(rule.field) }), points: rule.pointsFalse },
      ];
    case 'contains':
      return [
        {
          text: i18n.t('model.rule.contains', {
            field: field(rule.field),
            keywords: rule.keywords.join(', '),
          }),
          points: rule.points,
        },
      ];
    case 'events':
      return [
        {
          text: i18n.t('model.rule.events', {
            events: rule.events.join(', '),
            points: rule.pointsPerEvent,
            cap: rule.cap,
            decay: decayText(rule.decay),
          }),
          points: null,
        },
      ];
  }
}

/**
 * Names of frozen rules by language (the scenario's plain copy, shared by every edit that leaves the rule
 * alone): each re-score's tables name the same rules again.
 */
const namesOf = perFrozen((_rule: Rule) => new Map<Locale, string>());

/** A rule's short name for tables: its label, else its first case in plain language (+ how many more). */
export function ruleName(rule: Rule): string {
  if (rule.label) return rule.label;
  const names = namesOf(rule);
  let name = names.get(i18n.locale);
  if (name === undefined) {
    const lines = describeRule(rule);
    name = lines.length > 1 ? `${lines[0].text} (+${lines.length - 1})` : (lines[0]?.text ?? rule.id);
    names.set(i18n.locale, name);
  }
  return name;
}
