// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** IncrementalAlterConfigsRequest, all versions. */
export interface IncrementalAlterConfigsRequest {
  /** The incremental updates for each resource. Versions 0+. */
  readonly resources: readonly AlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. Versions 0+. */
  readonly validateOnly: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AlterConfigsResource in IncrementalAlterConfigsRequest. */
export interface AlterConfigsResource {
  /** The resource type. Versions 0+. */
  readonly resourceType: number;
  /** The resource name. Versions 0+. */
  readonly resourceName: string;
  /** The configurations. Versions 0+. */
  readonly configs: readonly AlterableConfig[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AlterableConfig in IncrementalAlterConfigsRequest. */
export interface AlterableConfig {
  /** The configuration key name. Versions 0+. */
  readonly name: string;
  /** The type (Set, Delete, Append, Subtract) of operation. Versions 0+. */
  readonly configOperation: number;
  /** The value to set for the configuration key. Versions 0+. */
  readonly value: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** IncrementalAlterConfigsResponse, all versions. */
export interface IncrementalAlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The responses for each resource. Versions 0+. */
  readonly responses: readonly AlterConfigsResourceResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AlterConfigsResourceResponse in IncrementalAlterConfigsResponse. */
export interface AlterConfigsResourceResponse {
  /** The resource error code. Versions 0+. */
  readonly errorCode: number;
  /** The resource error message, or null if there was no error. Versions 0+. */
  readonly errorMessage: string | null;
  /** The resource type. Versions 0+. */
  readonly resourceType: number;
  /** The resource name. Versions 0+. */
  readonly resourceName: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
