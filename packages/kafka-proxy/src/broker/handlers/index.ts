/** The handler table: one module per API, keyed by api key. Every advertised API has an entry. */
import type { ApiHandler } from "../context.js";
import { alterConfigsHandler } from "./alter-configs.js";
import { apiVersionsHandler } from "./api-versions.js";
import { createPartitionsHandler } from "./create-partitions.js";
import { createTopicsHandler } from "./create-topics.js";
import { deleteGroupsHandler } from "./delete-groups.js";
import { deleteRecordsHandler } from "./delete-records.js";
import { deleteTopicsHandler } from "./delete-topics.js";
import { describeClusterHandler } from "./describe-cluster.js";
import { describeConfigsHandler } from "./describe-configs.js";
import { describeGroupsHandler } from "./describe-groups.js";
import { describeProducersHandler } from "./describe-producers.js";
import { fetchHandler } from "./fetch.js";
import { findCoordinatorHandler } from "./find-coordinator.js";
import { heartbeatHandler } from "./heartbeat.js";
import { incrementalAlterConfigsHandler } from "./incremental-alter-configs.js";
import { initProducerIdHandler } from "./init-producer-id.js";
import { joinGroupHandler } from "./join-group.js";
import { leaveGroupHandler } from "./leave-group.js";
import { listGroupsHandler } from "./list-groups.js";
import { listOffsetsHandler } from "./list-offsets.js";
import { metadataHandler } from "./metadata.js";
import { offsetCommitHandler } from "./offset-commit.js";
import { offsetFetchHandler } from "./offset-fetch.js";
import { offsetForLeaderEpochHandler } from "./offset-for-leader-epoch.js";
import { produceHandler } from "./produce.js";
import { saslAuthenticateHandler, saslHandshakeHandler } from "./sasl.js";
import { syncGroupHandler } from "./sync-group.js";

// biome-ignore lint/suspicious/noExplicitAny: one table across every API's request and response types.
const handlers: ApiHandler<any, any>[] = [
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  metadataHandler,
  offsetCommitHandler,
  offsetFetchHandler,
  findCoordinatorHandler,
  joinGroupHandler,
  heartbeatHandler,
  leaveGroupHandler,
  syncGroupHandler,
  describeGroupsHandler,
  listGroupsHandler,
  saslHandshakeHandler,
  apiVersionsHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  deleteRecordsHandler,
  initProducerIdHandler,
  offsetForLeaderEpochHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  saslAuthenticateHandler,
  createPartitionsHandler,
  deleteGroupsHandler,
  incrementalAlterConfigsHandler,
  describeClusterHandler,
  describeProducersHandler,
];

// biome-ignore lint/suspicious/noExplicitAny: see handlers.
export const apiHandlers: ReadonlyMap<number, ApiHandler<any, any>> = new Map(
  handlers.map((handler) => [handler.api.apiKey, handler]),
);
