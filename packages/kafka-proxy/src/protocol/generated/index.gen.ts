// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi } from "../generated-support.js";
import { addOffsetsToTxnApi } from "./add-offsets-to-txn/index.gen.js";
import { addPartitionsToTxnApi } from "./add-partitions-to-txn/index.gen.js";
import { alterConfigsApi } from "./alter-configs/index.gen.js";
import { apiVersionsApi } from "./api-versions/index.gen.js";
import { consumerGroupDescribeApi } from "./consumer-group-describe/index.gen.js";
import { consumerGroupHeartbeatApi } from "./consumer-group-heartbeat/index.gen.js";
import { createPartitionsApi } from "./create-partitions/index.gen.js";
import { createTopicsApi } from "./create-topics/index.gen.js";
import { deleteGroupsApi } from "./delete-groups/index.gen.js";
import { deleteRecordsApi } from "./delete-records/index.gen.js";
import { deleteTopicsApi } from "./delete-topics/index.gen.js";
import { describeClusterApi } from "./describe-cluster/index.gen.js";
import { describeConfigsApi } from "./describe-configs/index.gen.js";
import { describeGroupsApi } from "./describe-groups/index.gen.js";
import { describeProducersApi } from "./describe-producers/index.gen.js";
import { endTxnApi } from "./end-txn/index.gen.js";
import { fetchApi } from "./fetch/index.gen.js";
import { findCoordinatorApi } from "./find-coordinator/index.gen.js";
import { heartbeatApi } from "./heartbeat/index.gen.js";
import { incrementalAlterConfigsApi } from "./incremental-alter-configs/index.gen.js";
import { initProducerIdApi } from "./init-producer-id/index.gen.js";
import { joinGroupApi } from "./join-group/index.gen.js";
import { leaveGroupApi } from "./leave-group/index.gen.js";
import { listGroupsApi } from "./list-groups/index.gen.js";
import { listOffsetsApi } from "./list-offsets/index.gen.js";
import { metadataApi } from "./metadata/index.gen.js";
import { offsetCommitApi } from "./offset-commit/index.gen.js";
import { offsetFetchApi } from "./offset-fetch/index.gen.js";
import { offsetForLeaderEpochApi } from "./offset-for-leader-epoch/index.gen.js";
import { produceApi } from "./produce/index.gen.js";
import { saslAuthenticateApi } from "./sasl-authenticate/index.gen.js";
import { saslHandshakeApi } from "./sasl-handshake/index.gen.js";
import { syncGroupApi } from "./sync-group/index.gen.js";
import { txnOffsetCommitApi } from "./txn-offset-commit/index.gen.js";

export * as AddOffsetsToTxn from "./add-offsets-to-txn/index.gen.js";
export * as AddPartitionsToTxn from "./add-partitions-to-txn/index.gen.js";
export * as AlterConfigs from "./alter-configs/index.gen.js";
export * as ApiVersions from "./api-versions/index.gen.js";
export * as ConsumerGroupDescribe from "./consumer-group-describe/index.gen.js";
export * as ConsumerGroupHeartbeat from "./consumer-group-heartbeat/index.gen.js";
export * as ConsumerProtocolAssignment from "./consumer-protocol-assignment/index.gen.js";
export * as ConsumerProtocolSubscription from "./consumer-protocol-subscription/index.gen.js";
export * as CreatePartitions from "./create-partitions/index.gen.js";
export * as CreateTopics from "./create-topics/index.gen.js";
export * as DeleteGroups from "./delete-groups/index.gen.js";
export * as DeleteRecords from "./delete-records/index.gen.js";
export * as DeleteTopics from "./delete-topics/index.gen.js";
export * as DescribeCluster from "./describe-cluster/index.gen.js";
export * as DescribeConfigs from "./describe-configs/index.gen.js";
export * as DescribeGroups from "./describe-groups/index.gen.js";
export * as DescribeProducers from "./describe-producers/index.gen.js";
export * as EndTxn from "./end-txn/index.gen.js";
export * as Fetch from "./fetch/index.gen.js";
export * as FindCoordinator from "./find-coordinator/index.gen.js";
export * as Heartbeat from "./heartbeat/index.gen.js";
export * as IncrementalAlterConfigs from "./incremental-alter-configs/index.gen.js";
export * as InitProducerId from "./init-producer-id/index.gen.js";
export * as JoinGroup from "./join-group/index.gen.js";
export * as LeaveGroup from "./leave-group/index.gen.js";
export * as ListGroups from "./list-groups/index.gen.js";
export * as ListOffsets from "./list-offsets/index.gen.js";
export * as Metadata from "./metadata/index.gen.js";
export * as OffsetCommit from "./offset-commit/index.gen.js";
export * as OffsetFetch from "./offset-fetch/index.gen.js";
export * as OffsetForLeaderEpoch from "./offset-for-leader-epoch/index.gen.js";
export * as Produce from "./produce/index.gen.js";
export * as RequestHeader from "./request-header/index.gen.js";
export * as ResponseHeader from "./response-header/index.gen.js";
export * as SaslAuthenticate from "./sasl-authenticate/index.gen.js";
export * as SaslHandshake from "./sasl-handshake/index.gen.js";
export * as SyncGroup from "./sync-group/index.gen.js";
export * as TxnOffsetCommit from "./txn-offset-commit/index.gen.js";

/** Every API with generated codecs, in api-key order. Which of them we advertise is decided in api-table.ts. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of APIs.
export const generatedApis: readonly GeneratedApi<any, any>[] = [produceApi, fetchApi, listOffsetsApi, metadataApi, offsetCommitApi, offsetFetchApi, findCoordinatorApi, joinGroupApi, heartbeatApi, leaveGroupApi, syncGroupApi, describeGroupsApi, listGroupsApi, saslHandshakeApi, apiVersionsApi, createTopicsApi, deleteTopicsApi, deleteRecordsApi, initProducerIdApi, offsetForLeaderEpochApi, addPartitionsToTxnApi, addOffsetsToTxnApi, endTxnApi, txnOffsetCommitApi, describeConfigsApi, alterConfigsApi, saslAuthenticateApi, createPartitionsApi, deleteGroupsApi, incrementalAlterConfigsApi, describeClusterApi, describeProducersApi, consumerGroupHeartbeatApi, consumerGroupDescribeApi];
