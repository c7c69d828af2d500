export type { TokenBucketConfig } from "./token-bucket.js";
export { TokenBucket, validateTokenBucketConfig } from "./token-bucket.js";
