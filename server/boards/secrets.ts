/**
 * Role keys and member tokens: 256-bit random secrets, stored only as SHA-256 hashes.
 * A fast hash is right here: the secrets are random, not passwords, so there is nothing to
 * brute-force that a slow hash would protect.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
