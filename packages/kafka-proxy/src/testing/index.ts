/**
 * @helixlog/kafka-proxy/testing: tools for testing Kafka listeners, not for production use. The frame
 * fuzzer builds hostile byte streams from real client frames and sends them to a listener.
 */
export {
  type FuzzFrame,
  type FuzzKind,
  type FuzzOptions,
  type FuzzStreamOutcome,
  fuzzFrame,
  fuzzStream,
  sendFuzzStream,
} from "./frame-fuzzer.js";
