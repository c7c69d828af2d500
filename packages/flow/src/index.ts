export type {
  AdmissionConfig,
  AdmissionDecision,
  AdmissionMetrics,
  AdmissionState,
  PressureSignal,
  PressureSignals,
  PressureThresholds,
} from "./admission.js";
export {
  AdmissionController,
  admissionConfigDefault,
  nextPressureState,
  validateAdmissionConfig,
} from "./admission.js";
export type {
  EnqueueResult,
  FairQueueConfig,
  FairQueueItem,
  FairQueueMetrics,
  ShedReason,
  TenantQueueMetrics,
} from "./fair-queue.js";
export {
  FairQueue,
  fairQueueConfigDefault,
  validateFairQueueConfig,
  validateTenantWeights,
} from "./fair-queue.js";
export {
  microsecondsPerMillisecond,
  microsecondsPerSecond,
  microsToMillisRoundedUp,
} from "./internal/exact.js";
export type { PaceConfig, PaceMetrics, PaceObservation } from "./pace-controller.js";
export { PaceController, paceConfigDefault, validatePaceConfig } from "./pace-controller.js";
export type { QuotaDefinition, QuotaLevel, QuotaResource, QuotaSubject } from "./quota.js";
export { QuotaTable, quotaLevels, quotaResources, validateQuotaDefinitions } from "./quota.js";
export type {
  QuotaCharge,
  QuotaDecision,
  QuotaManagerOptions,
  QuotaMetrics,
  QuotaThrottle,
  TenantQuotaMetrics,
} from "./quota-manager.js";
export { QuotaManager } from "./quota-manager.js";
export type { TokenBucketConfig } from "./token-bucket.js";
export { TokenBucket, validateTokenBucketConfig } from "./token-bucket.js";
