/** The one error type services throw; every door (HTTP, Socket.io, y-websocket) maps it. */
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
