// Room codes and secrets. Codes are short and read aloud or typed from a projector, so the
// alphabet leaves out characters that look or sound alike; secrets are long and random.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from "../../shared/protocol/index.js";

export function randomCode(): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

const CODE_RE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Upper-cases and strips spaces and dashes; null when it cannot be a room code. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 32) return null;
  const code = raw.toUpperCase().replace(/[\s-]/g, "");
  return CODE_RE.test(code) ? code : null;
}

export function randomSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(presented: unknown, hash: Buffer): boolean {
  if (typeof presented !== "string" || presented.length === 0 || presented.length > 128) return false;
  return timingSafeEqual(hashSecret(presented), hash);
}
