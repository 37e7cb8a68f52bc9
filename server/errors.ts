/** The one error type services throw; every door (HTTP, Socket.io, y-websocket) maps it. */
import { z } from 'zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../shared/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** A rate limit: `retryAfterSec` is when trying again can succeed (HTTP's Retry-After). */
export class RateLimitError extends AppError {
  readonly retryAfterSec: number;
  constructor(
    retryAfterSec: number,
    message = `Too many attempts; try again in ${retryAfterSec} s.`,
  ) {
    super('rate_limited', message);
    this.retryAfterSec = retryAfterSec;
  }

  // In the body as well, for a Socket.io acknowledgement, which has no header to carry it.
  override toBody(): ErrorBody {
    return { ...super.toBody(), retryAfterSec: this.retryAfterSec };
  }
}

/** What a field must be, for zod's types, in the words an error message uses. */
const KINDS: Record<string, string> = {
  string: 'text (a JSON string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a JSON array',
};

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return 'text';
  // A number is shown: "must be a whole number, not 1.5".
  if (typeof input === 'number') return String(input);
  return `a ${typeof input}`;
}

/**
 * Zod's own words for the commonest mistakes ("Invalid input: expected number, received
 * undefined") said as what to send: "budget: required, a number", "budget: must be a whole
 * number, not 1.5", "name: must not be empty". A schema's own message comes first.
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      const kind = KINDS[issue.expected];
      if (issue.input === undefined) return kind ? `required, ${kind}` : 'required';
      if (kind) return `must be ${kind}, not ${kindOf(issue.input)}`;
      return undefined;
    }
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) {
      return 'must not be empty';
    }
    return undefined;
  },
});

/** The AppError for a known failure (ours, or invalid input); undefined for a real bug. */
export function knownError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const full = storageFull(error);
  if (full) return full;
  if (error instanceof z.ZodError) {
    const message = error.issues
      .map((issue) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ');
    return new AppError('invalid_input', message);
  }
  return undefined;
}

/**
 * A write SQLite refused for a full disk (SQLITE_FULL), in words for whoever was writing:
 * nothing more can be saved until the operator frees space (operator QA: a generic 500).
 */
export function storageFull(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_FULL')) return undefined;
  return new AppError(
    'storage_full',
    "The server's disk is full, so this could not be saved. Its operator needs to free space.",
  );
}

/** What /healthz says of a disk without room for the database (see disk-space.ts). */
export function diskFullError(dataDir: string): AppError {
  return new AppError(
    'storage_full',
    `The disk holding DATA_DIR ${dataDir} is full: nothing can be saved until space is freed.`,
  );
}

/** Why the server cannot start, in words for the operator (main prints the message alone). */
export class StartupError extends Error {}
