import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe secret (256 bits). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets sent to people (cookies, tokens, links) are stored only as their SHA-256. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1).
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, argonOptions);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so that unknown accounts cannot be told apart.
    await hash(password, argonOptions);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
