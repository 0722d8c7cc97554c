/** The text of anything thrown (an Error's message, else its string form), for status lines and reports. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
