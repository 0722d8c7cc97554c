import { OTHER_LABEL } from '../../features/segments';
import type { BiasColumn } from '../../features/biasColumns';
import type { MessageKey } from '../../i18n/en';
import { i18n } from '../../state/i18n.svelte';

/** A segment value as shown: the folded rest and the blank value translated, the rest as the data has it. */
export function segmentLabel(label: string): string {
  if (label === OTHER_LABEL) return i18n.t('segment.other');
  if (label === '') return i18n.t('segment.blank');
  // intersections join two labels; either side may be the folded rest
  return label.replaceAll(OTHER_LABEL, i18n.t('segment.other'));
}

export function columnName(column: BiasColumn): string {
  return column === 'created_quarter' ? i18n.t('bias.quarterColumn') : i18n.t(`role.${column}` as MessageKey);
}
