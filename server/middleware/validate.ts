import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

/**
 * Parses input with a zod schema and turns the first issue into a
 * ValidationError naming the field, e.g. `rentCents: must be ≥ 0`.
 */
export function parse<S extends z.ZodType>(schema: S, data: unknown, prefix?: string): z.infer<S> {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || undefined;
  throw new ValidationError(field ? `${field}: ${issue.message}` : issue.message, field, {
    issues: res.error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message })),
  });
}
