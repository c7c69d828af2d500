// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ApiVersionsRequest, all versions. */
export interface ApiVersionsRequest {
  /** The name of the client. Versions 3+. */
  readonly clientSoftwareName: string;
  /** The version of the client. Versions 3+. */
  readonly clientSoftwareVersion: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ApiVersionsResponse, all versions. */
export interface ApiVersionsResponse {
  /** The top-level error code. Versions 0+. */
  readonly errorCode: number;
  /** The APIs supported by the broker. Versions 0+. */
  readonly apiKeys: readonly ApiVersion[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. Versions 3+, tag 0. */
  readonly supportedFeatures: readonly SupportedFeatureKey[];
  /** The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A value of -1 is special and represents unknown epoch. Versions 3+, tag 1. */
  readonly finalizedFeaturesEpoch: bigint;
  /** List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >= 0. Versions 3+, tag 2. */
  readonly finalizedFeatures: readonly FinalizedFeatureKey[];
  /** Set by a KRaft controller if the required configurations for ZK migration are present Versions 3+, tag 3. */
  readonly zkMigrationReady: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ApiVersion in ApiVersionsResponse. */
export interface ApiVersion {
  /** The API index. Versions 0+. */
  readonly apiKey: number;
  /** The minimum supported version, inclusive. Versions 0+. */
  readonly minVersion: number;
  /** The maximum supported version, inclusive. Versions 0+. */
  readonly maxVersion: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** SupportedFeatureKey in ApiVersionsResponse. */
export interface SupportedFeatureKey {
  /** The name of the feature. Versions 3+. */
  readonly name: string;
  /** The minimum supported version for the feature. Versions 3+. */
  readonly minVersion: number;
  /** The maximum supported version for the feature. Versions 3+. */
  readonly maxVersion: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FinalizedFeatureKey in ApiVersionsResponse. */
export interface FinalizedFeatureKey {
  /** The name of the feature. Versions 3+. */
  readonly name: string;
  /** The cluster-wide finalized max version level for the feature. Versions 3+. */
  readonly maxVersionLevel: number;
  /** The cluster-wide finalized min version level for the feature. Versions 3+. */
  readonly minVersionLevel: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
