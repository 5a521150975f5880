/**
 * One error family. Routes and domain functions throw these; the error
 * middleware turns them into `{error: {id, message, field?}}` with their status.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly id: string,
    message: string,
    public readonly field?: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed; `field` names the offending input. */
export class ValidationError extends AppError {
  constructor(message: string, field?: string, details?: unknown) {
    super(400, 'validation', message, field, details);
  }
}

/** 401: not signed in. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in first') {
    super(401, 'unauthorized', message);
  }
}

/** 403: signed in but not allowed. */
export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

/** 404: no such resource (or not visible to the caller). */
export class NotFoundError extends AppError {
  constructor(message = 'Not found', field?: string) {
    super(404, 'not_found', message, field);
  }
}

/** 409: the request conflicts with the current state (double booking, stale preview…). */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, undefined, details);
  }
}

/** 429: too many attempts. */
export class RateLimitError extends AppError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message);
  }
}

/** 503: the server cannot take this work now (every worker busy); the client may retry. */
export class BusyError extends AppError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(503, 'busy', message);
  }
}

/** 503: a dependency (the database) cannot be reached; the client may retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends AppError {
  constructor(
    message: string,
    public readonly retryAfterSeconds = 5,
  ) {
    super(503, 'unavailable', message);
  }
}
