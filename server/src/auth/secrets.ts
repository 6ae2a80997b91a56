/** Random secrets and their SHA-256: session tokens and API tokens are stored only as the hash. */
import { createHash, randomBytes } from "node:crypto";

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
