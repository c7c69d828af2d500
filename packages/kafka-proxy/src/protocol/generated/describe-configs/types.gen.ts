// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DescribeConfigsRequest, all versions. */
export interface DescribeConfigsRequest {
  /** The resources whose configurations we want to describe. Versions 0+. */
  readonly resources: readonly DescribeConfigsResource[];
  /** True if we should include all synonyms. Versions 1+. */
  readonly includeSynonyms: boolean;
  /** True if we should include configuration documentation. Versions 3+. */
  readonly includeDocumentation: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeConfigsResource in DescribeConfigsRequest. */
export interface DescribeConfigsResource {
  /** The resource type. Versions 0+. */
  readonly resourceType: number;
  /** The resource name. Versions 0+. */
  readonly resourceName: string;
  /** The configuration keys to list, or null to list all configuration keys. Versions 0+. */
  readonly configurationKeys: readonly string[] | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeConfigsResponse, all versions. */
export interface DescribeConfigsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The results for each resource. Versions 0+. */
  readonly results: readonly DescribeConfigsResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeConfigsResult in DescribeConfigsResponse. */
export interface DescribeConfigsResult {
  /** The error code, or 0 if we were able to successfully describe the configurations. Versions 0+. */
  readonly errorCode: number;
  /** The error message, or null if we were able to successfully describe the configurations. Versions 0+. */
  readonly errorMessage: string | null;
  /** The resource type. Versions 0+. */
  readonly resourceType: number;
  /** The resource name. Versions 0+. */
  readonly resourceName: string;
  /** Each listed configuration. Versions 0+. */
  readonly configs: readonly DescribeConfigsResourceResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeConfigsResourceResult in DescribeConfigsResponse. */
export interface DescribeConfigsResourceResult {
  /** The configuration name. Versions 0+. */
  readonly name: string;
  /** The configuration value. Versions 0+. */
  readonly value: string | null;
  /** True if the configuration is read-only. Versions 0+. */
  readonly readOnly: boolean;
  /** True if the configuration is not set. Versions 0. */
  readonly isDefault: boolean;
  /** The configuration source. Versions 1+. */
  readonly configSource: number;
  /** True if this configuration is sensitive. Versions 0+. */
  readonly isSensitive: boolean;
  /** The synonyms for this configuration key. Versions 1+. */
  readonly synonyms: readonly DescribeConfigsSynonym[];
  /** The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD Versions 3+. */
  readonly configType: number;
  /** The configuration documentation. Versions 3+. */
  readonly documentation: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeConfigsSynonym in DescribeConfigsResponse. */
export interface DescribeConfigsSynonym {
  /** The synonym name. Versions 1+. */
  readonly name: string;
  /** The synonym value. Versions 1+. */
  readonly value: string | null;
  /** The synonym source. Versions 1+. */
  readonly source: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
