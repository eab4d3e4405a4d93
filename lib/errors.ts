/**
 * Errors a staff member can meet, each with a plain-words message that says what happened and
 * that nothing was lost. `code` lets the UI and tests tell them apart without parsing text.
 */
export type ExhibitErrorCode =
  | 'profile-missing'
  | 'forbidden-page'
  | 'capture-failed'
  | 'responses-failed'
  | 'capture-cancelled'
  | 'storage-full'
  | 'storage-failed'
  | 'export-cancelled'
  | 'export-failed'
  | 'not-a-bundle'
  | 'import-refused'
  | 'import-cancelled'
  | 'invalid-input';

export class ExhibitError extends Error {
  constructor(
    readonly code: ExhibitErrorCode,
    message: string,
    options?: { cause?: unknown; problems?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'ExhibitError';
    this.problems = options?.problems ?? [];
  }
  /** Each thing found wrong, in plain words, when there were several (a refused import). */
  readonly problems: readonly string[];
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** IndexedDB reports a full disk as QuotaExceededError, sometimes wrapped by Dexie. */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { inner?: unknown }).inner ?? e.cause) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Validates input from a form or a message, turning zod's issues into one plain sentence. */
export function parseInput<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new ExhibitError('invalid-input', `${issue?.message ?? 'That input is not valid.'}${where}`);
}
