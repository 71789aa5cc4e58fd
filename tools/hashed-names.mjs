// File names with a content hash, as the release build's hooks write them.
import { createHash } from "node:crypto";

/** The first 16 hex digits of the SHA-256 of `bytes`: what the hooks name a file by. */
export const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

