// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** FindCoordinatorRequest, all versions. */
export interface FindCoordinatorRequest {
  /** The coordinator key. Versions 0-3. */
  readonly key: string;
  /** The coordinator key type. (Group, transaction, etc.) Versions 1+. */
  readonly keyType: number;
  /** The coordinator keys. Versions 4+. */
  readonly coordinatorKeys: readonly string[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FindCoordinatorResponse, all versions. */
export interface FindCoordinatorResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0-3. */
  readonly errorCode: number;
  /** The error message, or null if there was no error. Versions 1-3. */
  readonly errorMessage: string | null;
  /** The node id. Versions 0-3. */
  readonly nodeId: number;
  /** The host name. Versions 0-3. */
  readonly host: string;
  /** The port. Versions 0-3. */
  readonly port: number;
  /** Each coordinator result in the response Versions 4+. */
  readonly coordinators: readonly Coordinator[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** Coordinator in FindCoordinatorResponse. */
export interface Coordinator {
  /** The coordinator key. Versions 4+. */
  readonly key: string;
  /** The node id. Versions 4+. */
  readonly nodeId: number;
  /** The host name. Versions 4+. */
  readonly host: string;
  /** The port. Versions 4+. */
  readonly port: number;
  /** The error code, or 0 if there was no error. Versions 4+. */
  readonly errorCode: number;
  /** The error message, or null if there was no error. Versions 4+. */
  readonly errorMessage: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
