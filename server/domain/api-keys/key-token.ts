import { createHash, randomBytes } from 'node:crypto';

/** How many characters of a key are kept in clear (`prefix`), so staff can tell keys apart. */
export const KEY_PREFIX_LENGTH = 8;

/** The longest key the API reads: longer values are refused before any hashing or database work. */
export const MAX_KEY_LENGTH = 200;

/**
 * A new API key: 32 random bytes in base64url (43 characters, safe in a header and a query string).
 * It is shown to its creator once and never stored; only {@link hashApiKey} of it is.
 */
export function generateApiKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores of a key: its sha-256 in hex. A random 256-bit key needs no slow hash. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The part of a key staff see in the list. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH);
}
