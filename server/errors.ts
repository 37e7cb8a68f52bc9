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
