import { i18n } from '../../state/i18n.svelte';

/**
 * A column as the user sees it in a picker: its header, with its position when the header is empty or
 * occurs more than once (BAD-INPUTS 9), so every column can be told apart.
 */
export function columnLabel(
  headers: readonly string[],
  index: number,
  header = headers[index] ?? '',
): string {
  const shown = header.replace(/\s+/g, ' ').trim();
  if (shown === '') return i18n.t('wizard.emptyHeader', { n: index + 1 });
  const repeated = headers.filter((h) => h.replace(/\s+/g, ' ').trim() === shown).length > 1;
  return repeated ? i18n.t('wizard.repeatedHeader', { header: shown, n: index + 1 }) : shown;
}
