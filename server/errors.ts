import type { ErrorCode } from '../shared/contracts/common';

/** The one error type of the application. Codes are closed; HTTP mapping lives in http/errorHandler.ts. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found, or you cannot see it.`);
export const forbidden = (message = 'Your roles in this workspace do not allow this.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const unauthenticated = (message = 'Sign in first.') => new AppError('UNAUTHENTICATED', message);
