// The message key and parameters for each thing a reader noted (title rows, totals rows, error cells …).

import type { MessageKey } from '../i18n/en';
import type { SourceFormat } from './source';
import type { SourceNote } from './textTable';

export interface NoteMessage {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** What to show for a note: `i18n.t(m.key, m.params)`, rendered as text. */
export function noteMessage(note: SourceNote): NoteMessage {
  switch (note.kind) {
    case 'title-row':
      return { key: 'import.format.note.title-row', params: { row: note.row, raw: note.raw } };
    case 'totals-row':
      return { key: 'import.format.note.totals-row', params: { row: note.row, raw: note.raw } };
    case 'error-cell':
      return {
        key: 'import.format.note.error-cell',
        params: { cell: note.cell, column: note.column, raw: note.raw },
      };
    case 'merged-cells':
      return { key: 'import.format.note.merged-cells', params: { range: note.range, raw: note.raw } };
  }
}

/** The format's display name. */
export const formatNameKey = (format: SourceFormat): MessageKey => `import.format.name.${format}`;
