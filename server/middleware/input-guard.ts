import type { RequestHandler } from 'express';
import { ValidationError } from '../errors.ts';
import { NUL_MESSAGE } from '../schemas/common.ts';

/** How deep a JSON body may nest: far beyond any real document, far below a stack overflow. */
export const MAX_BODY_DEPTH = 32;

/**
 * The first problem of a parsed input, walked without recursion: a string
 * holding NUL (PostgreSQL's text cannot store it), or nesting deeper than
 * `maxDepth`. Returns the dotted path and the message, or undefined.
 */
export function findInputProblem(value: unknown, prefix: string, maxDepth = MAX_BODY_DEPTH): { field: string; message: string } | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path, message: NUL_MESSAGE };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return { field: path, message: `is nested too deeply (more than ${maxDepth} levels)` };
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000')) return { field: path, message: `has a key with ${NUL_MESSAGE}` };
      stack.push({ v: child, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The edge guard every API request passes before any route: no NUL character
 * anywhere in the query string or a JSON body, no absurd nesting. Routes'
 * zod schemas bound each field; this catches what a new route might forget.
 */
export const guardInput: RequestHandler = (req, _res, next) => {
  const problem = findInputProblem(req.query, 'query') ?? (typeof req.body === 'object' ? findInputProblem(req.body, 'body') : undefined);
  if (problem) return next(new ValidationError(`${problem.field}: ${problem.message}`, problem.field));
  next();
};
