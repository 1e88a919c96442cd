/** Bad input from the user: printed as one line, exit status 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_USAGE = 2;
