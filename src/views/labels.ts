import type { MessageKey } from '../i18n/en';
import { isMessageKey } from '../i18n/translate';
import type { Dimension } from '../model/scenario';
import { i18n } from '../state/i18n.svelte';

/** A dimension's name: the user's label, else the translated default for its id, else the id. */
export function dimensionName(dim: Dimension): string {
  if (dim.label) return dim.label;
  const key = `dimension.${dim.id}`;
  return isMessageKey(key) ? i18n.t(key as MessageKey) : dim.id;
}
