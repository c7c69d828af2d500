/**
 * InitProducerId (key 22): idempotent producer ids. Without a transactional id Kafka "blindly accepts"
 * the request (TransactionCoordinator.handleInitProducerId): a fresh producer id at epoch 0 whatever id
 * and epoch the client sent; idempotent producers bump epochs themselves (KIP-360), only transactional
 * ones ask the broker to. Some clients send 0/0 rather than -1/-1 there (@platformatic/kafka 1.35), so
 * reading the fields as "bump this producer" would hand every such producer id 0. Transactions are not
 * served.
 */
import {
  type InitProducerIdRequest,
  type InitProducerIdResponse,
  initProducerIdApi,
} from "../../protocol/generated/init-producer-id/index.gen.js";
import { defineHandler, errorCodeOf } from "../context.js";

/** Transactions are not served yet: a transactional id is answered UNSUPPORTED_VERSION. */
const transactionsUnsupported = 35;

export const initProducerIdHandler = defineHandler<InitProducerIdRequest, InitProducerIdResponse>({
  api: initProducerIdApi,
  handle: async (context, request) => {
    if (request.transactionalId !== null) return failed(transactionsUnsupported);
    try {
      const identity = await context.backend.initProducerId(null);
      return {
        throttleTimeMs: 0,
        errorCode: 0,
        producerId: identity.producerId,
        producerEpoch: identity.producerEpoch,
      };
    } catch (error) {
      return failed(errorCodeOf(context, error));
    }
  },
  errorResponse: (_request, errorCode) => failed(errorCode),
});

function failed(errorCode: number): InitProducerIdResponse {
  return { throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 };
}
