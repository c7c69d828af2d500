/** InitProducerId (key 22): idempotent producer ids and epoch bumps (KIP-360). Transactions are not served. */
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
      const current =
        request.producerId >= 0n
          ? { producerId: request.producerId, producerEpoch: request.producerEpoch }
          : null;
      const identity = await context.backend.initProducerId(current);
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
