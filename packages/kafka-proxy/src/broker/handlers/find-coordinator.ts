/** FindCoordinator (key 10): the broker coordinating each group (v4+ asks for several keys at once). */
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type Coordinator,
  type FindCoordinatorRequest,
  type FindCoordinatorResponse,
  findCoordinatorApi,
} from "../../protocol/generated/find-coordinator/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf, type RequestContext } from "../context.js";

/**
 * KeyType 0 is a consumer group. 1 (transactional id) is refused with UNSUPPORTED_VERSION, like
 * InitProducerId with a transactional id: not retriable, so KafkaJS and the Java client fail at once
 * with the message (COORDINATOR_NOT_AVAILABLE made them retry for 14 s and then blame the "group
 * coordinator"); librdkafka retries every error but authorization ones, and fails at its own timeout.
 */
const groupKeyType = 0;
const transactionKeyType = 1;
const transactionsUnsupported = "Helix does not support transactions (transactional ids have no coordinator)";

export const findCoordinatorHandler = defineHandler<FindCoordinatorRequest, FindCoordinatorResponse>({
  api: findCoordinatorApi,
  handle: async (context, request) => {
    const batched = context.header.requestApiVersion >= 4;
    const keys = batched ? request.coordinatorKeys : [request.key];
    const coordinators = await Promise.all(keys.map((key) => locate(context, request.keyType, key)));
    return answer(coordinators);
  },
  errorResponse: (request, errorCode) =>
    answer(
      (request.coordinatorKeys.length > 0 ? request.coordinatorKeys : [request.key]).map((key) =>
        missing(key, errorCode, null),
      ),
    ),
});

async function locate(context: RequestContext, keyType: number, key: string): Promise<Coordinator> {
  if (keyType === transactionKeyType)
    return missing(key, wireErrorCode.unsupportedVersion, transactionsUnsupported);
  if (keyType !== groupKeyType)
    return missing(key, wireErrorCode.invalidRequest, `unknown coordinator key type ${keyType}`);
  try {
    const nodeId = await context.backend.findCoordinator(key);
    const broker = (await context.backend.metadata([])).brokers.find((each) => each.nodeId === nodeId);
    if (broker === undefined)
      return missing(key, wireErrorCode.coordinatorNotAvailable, `coordinator ${nodeId} is not live`);
    return { key, nodeId, host: broker.host, port: broker.port, errorCode: 0, errorMessage: null };
  } catch (error) {
    return missing(key, errorCodeOf(context, error), errorMessageOf(error));
  }
}

function missing(key: string, errorCode: number, errorMessage: string | null): Coordinator {
  return { key, nodeId: -1, host: "", port: -1, errorCode, errorMessage };
}

/** v0–v3 carry one coordinator in top-level fields; v4+ a list. Filling both serves every version. */
function answer(coordinators: Coordinator[]): FindCoordinatorResponse {
  const first = coordinators[0] ?? missing("", wireErrorCode.invalidRequest, null);
  return {
    throttleTimeMs: 0,
    errorCode: first.errorCode,
    errorMessage: first.errorMessage,
    nodeId: first.nodeId,
    host: first.host,
    port: first.port,
    coordinators,
  };
}
