/**
 * The gRPC API edge (DESIGN.md §6): serves helix.v1.Log, Admin, Progress and Kv over one HelixNode, plus
 * standard health checking (grpc.health.v1: SERVING once the node can serve: see HelixNode.isServing) and server
 * reflection. Every handler validates its request and answers bad input with INVALID_ARGUMENT and a
 * reason; every error becomes its HelixError's gRPC status with a helix.v1.ErrorDetail in the
 * `grpc-status-details-bin` trailer (see grpc/error-status.ts). A handler never crashes the process:
 * unexpected errors are answered with INTERNAL. Produce and Fetch pass flow control first (quotas per
 * principal and client id from the controller's KV store, bounded in-flight produce bytes, admission
 * from pressure signals and weighted fair queueing across principals: edges/flow/node-flow.ts); over
 * quota or overloaded is a retriable RESOURCE_EXHAUSTED with the retry delay in the ErrorDetail.
 * Health checks never pass through flow control.
 */
import {
  type GrpcObject,
  type handleServerStreamingCall,
  type handleUnaryCall,
  loadPackageDefinition,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceClientConstructor,
  type UntypedServiceImplementation,
} from "@grpc/grpc-js";
import { loadSync, type PackageDefinition } from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";
import { assert, limits, type NodeId } from "@helixlog/core";
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from "grpc-health-check";
import type { HelixNode } from "../node/helix-node.js";
import { NodeFlow } from "./flow/node-flow.js";
import { AdminService } from "./grpc/admin-service.js";
import { toServiceError } from "./grpc/error-status.js";
import { FlowAdmission } from "./grpc/flow-admission.js";
import {
  type KvCompareAndSetRequest,
  type KvGetRequest,
  type KvPutRequest,
  KvService,
} from "./grpc/kv-service.js";
import { LogService } from "./grpc/log-service.js";
import {
  type CreateTopicRequest,
  type DeleteRecordsRequest,
  type FetchRequest,
  type FetchResponse,
  type ListOffsetsRequest,
  loadHelixProtos,
  type ProduceRequest,
  type SubscribeRequest,
} from "./grpc/messages.js";
import { addProgressService } from "./grpc/progress-service.js";
import { QuotaService } from "./grpc/quota-service.js";
import type { HostPort } from "./node-config.js";

assert(
  limits.grpcRequestSizeBytesMax > limits.recordBatchSizeBytesMax,
  "a gRPC request must hold the largest record batch plus its protobuf framing",
);
assert(
  limits.grpcProduceInflightBytesMax >= 2 * limits.grpcRequestSizeBytesMax,
  "the in-flight produce bound must hold more than one of the largest requests",
);

export interface GrpcApiOptions {
  readonly address: HostPort;
  readonly node: HelixNode;
  /** The gRPC address of a node, for NOT_LEADER details (undefined when unknown). */
  readonly addressOf: (nodeId: NodeId) => string | undefined;
  /** Bound on produce bytes in flight (tests lower it); default limits.grpcProduceInflightBytesMax. */
  readonly produceInflightBytesMax?: number;
  /** The node's flow control, shared with its Kafka listener; created (and stopped on close) when absent. */
  readonly flow?: NodeFlow;
}

export interface GrpcApi {
  /** The bound port (the requested one, or the one the OS chose for port 0). */
  readonly port: number;
  /** Stops accepting calls, lets in-flight calls finish for grpcShutdownGraceMs, then cancels the rest. */
  close(): Promise<void>;
}

/** Health statuses are kept for the whole server ("") and for each Helix service. */
const healthServices = ["", "helix.v1.Log", "helix.v1.Admin", "helix.v1.Progress", "helix.v1.Kv"] as const;
const servedServices = [
  "helix.v1.Log",
  "helix.v1.Admin",
  "helix.v1.Progress",
  "helix.v1.Kv",
  "grpc.health.v1.Health",
] as const;

export async function startGrpcApi(options: GrpcApiOptions): Promise<GrpcApi> {
  const definition = loadHelixProtos();
  const helix = (loadPackageDefinition(definition).helix as GrpcObject).v1 as GrpcObject;
  const server = new Server({ "grpc.max_receive_message_length": limits.grpcRequestSizeBytesMax });
  let closing = false;
  const log = new LogService({ node: options.node, closing: () => closing });
  const admin = new AdminService(options.node);
  const nodeFlow = options.flow ?? new NodeFlow(options.node);
  if (options.flow === undefined) nodeFlow.start();
  const quotas = nodeFlow.quotas;
  const flow = new FlowAdmission(quotas, undefined, options.produceInflightBytesMax, nodeFlow);
  const quotaService = new QuotaService(options.node, quotas);
  const answer = unaryAnswerer(options.addressOf);
  server.addService((helix.Log as ServiceClientConstructor).service, {
    // Produce and Fetch are charged to the caller's quotas and admitted by flow control (flow-admission.ts).
    Produce: answer((request: ProduceRequest, call) =>
      flow.produce(request, call, () => log.produce(request, call)),
    ),
    Fetch: answer((request: FetchRequest, call) =>
      flow.fetch(request, call, (gate) => log.fetch(request, call, gate)),
    ),
    ListOffsets: answer((request: ListOffsetsRequest) => log.listOffsets(request)),
    DeleteRecords: answer((request: DeleteRecordsRequest, call) => log.deleteRecords(request, call)),
    Subscribe: streamAnswerer(
      options.addressOf,
      (call: ServerWritableStream<SubscribeRequest, FetchResponse>) =>
        log.subscribe(call, flow.subscribeGate(call, call.request.topic)),
    ),
  } satisfies UntypedServiceImplementation);
  server.addService((helix.Admin as ServiceClientConstructor).service, {
    CreateTopic: answer((request: CreateTopicRequest) => admin.createTopic(request)),
    DeleteTopic: answer((request: { name: string }) => admin.deleteTopic(request)),
    ListTopics: answer(() => admin.listTopics()),
    DescribeTopic: answer((request: { name: string }) => admin.describeTopic(request)),
    AlterTopic: answer((request: Parameters<AdminService["alterTopic"]>[0]) => admin.alterTopic(request)),
    Metadata: answer((request: { topics: string[] }) => admin.metadata(request)),
    ClusterStatus: answer(() => admin.clusterStatus()),
    SetQuota: answer((request: Parameters<QuotaService["setQuota"]>[0], call) =>
      quotaService.setQuota(request, call),
    ),
    DeleteQuota: answer((request: Parameters<QuotaService["deleteQuota"]>[0], call) =>
      quotaService.deleteQuota(request, call),
    ),
    ListQuotas: answer((_request: unknown, call) => quotaService.listQuotas(call)),
  } satisfies UntypedServiceImplementation);
  addProgressService(server, helix.Progress as ServiceClientConstructor, options.node, answer);
  const kv = new KvService(options.node);
  server.addService((helix.Kv as ServiceClientConstructor).service, {
    Get: answer((request: KvGetRequest, call) => kv.get(request, call)),
    Put: answer((request: KvPutRequest, call) => kv.put(request, call)),
    Delete: answer((request: { key: string }, call) => kv.delete(request, call)),
    CompareAndSet: answer((request: KvCompareAndSetRequest, call) => kv.compareAndSet(request, call)),
  } satisfies UntypedServiceImplementation);
  const stopHealth = serveHealth(server, options.node);
  serveReflection(server, definition);
  const port = await bind(server, options.address);
  return {
    port,
    close: async () => {
      closing = true;
      stopHealth();
      await shutdown(server);
      if (options.flow === undefined) nodeFlow.stop();
    },
  };
}

/** Adapts an async handler to grpc-js; a rejection (or a synchronous throw) becomes a status. */
function unaryAnswerer(addressOf: GrpcApiOptions["addressOf"]) {
  return <Request>(
    handler: (request: Request, call: ServerUnaryCall<Request, unknown>) => Promise<unknown>,
  ): handleUnaryCall<Request, unknown> =>
    (call, callback) => {
      Promise.resolve()
        .then(() => handler(call.request, call))
        .then(
          (response) => callback(null, response),
          (error: unknown) => callback(toServiceError(error, addressOf)),
        );
    };
}

function streamAnswerer<Request, Response>(
  addressOf: GrpcApiOptions["addressOf"],
  handler: (call: ServerWritableStream<Request, Response>) => Promise<void>,
): handleServerStreamingCall<Request, Response> {
  return (call) => {
    Promise.resolve()
      .then(() => handler(call))
      .then(
        () => call.end(),
        (error: unknown) => {
          // A cancelled call has no one to tell; emitting would only log noise.
          if (!call.cancelled) call.emit("error", toServiceError(error, addressOf));
        },
      );
  };
}

/** SERVING while the node can serve clients (controller leader known, cluster bootstrapped, node registered). */
function serveHealth(server: Server, node: HelixNode): () => void {
  const statusNow = (): ServingStatus => (node.isServing() ? "SERVING" : "NOT_SERVING");
  let status = statusNow();
  const health = new HealthImplementation(
    Object.fromEntries(healthServices.map((service) => [service, status])),
  );
  health.addToServer(server);
  const timer = setInterval(() => {
    const next = statusNow();
    if (next === status) return;
    status = next;
    for (const service of healthServices) health.setStatus(service, next);
  }, limits.grpcHealthRefreshMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const service of healthServices) health.setStatus(service, "NOT_SERVING");
  };
}

/**
 * Reflection describes the services this server answers: the Helix ones and health checking, whose
 * definition comes from grpc-health-check.
 */
function serveReflection(server: Server, helixDefinition: PackageDefinition): void {
  const definition = { ...helixDefinition, ...loadSync(healthProtoPath) };
  new ReflectionService(definition, { services: [...servedServices] }).addToServer(server);
}

function bind(server: Server, address: HostPort): Promise<number> {
  const host = address.host.includes(":") ? `[${address.host}]` : address.host;
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${address.port}`, ServerCredentials.createInsecure(), (error, port) =>
      error === null ? resolve(port) : reject(error),
    );
  });
}

function shutdown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, limits.grpcShutdownGraceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
