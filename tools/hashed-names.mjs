// File names with a content hash, as the release build's hooks write them.
import { createHash } from "node:crypto";

/** The first 16 hex digits of the SHA-256 of `bytes`: what the hooks name a file by. */
export const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * `stem` without the hash Trunk appended to it (`hookcheck-web-3f2a…` is `hookcheck-web`).
 * Trunk writes its 64-bit hash in hex without leading zeros, so the hash has 1 to 16 digits:
 * one build in sixteen has fewer than 16.
 */
export const withoutTrunkHash = (stem) => stem.replace(/-[0-9a-f]{1,16}$/, "");
