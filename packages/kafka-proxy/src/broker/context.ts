/**
 * What every API handler gets: the backend port, the coordinator driver and who is asking. Handlers are
 * `(context, request) → response`; `null` means "send nothing" (Produce with acks=0).
 */
import { HelixError } from "@helixlog/core";
import type { KafkaBackend, KafkaCaller } from "../backend.js";
import { KafkaWireError } from "../kafka-error-codes.js";
import type { RequestHeader } from "../protocol/generated/request-header/types.gen.js";
import type { GeneratedApi } from "../protocol/generated-support.js";
import type { CoordinatorDriver } from "./coordinator-driver.js";

export interface BrokerLogger {
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
  error(message: string, details?: Readonly<Record<string, unknown>>): void;
}

export interface RequestContext {
  readonly backend: KafkaBackend;
  readonly coordinator: CoordinatorDriver;
  readonly header: RequestHeader;
  readonly clientHost: string;
  readonly logger: BrokerLogger;
  /** Whether Metadata may create topics clients ask for (Kafka's auto.create.topics.enable; off). */
  readonly autoCreateTopics: boolean;
  /** Who is asking (quotas and fair queueing): the client id, and the principal ("anonymous" without SASL). */
  readonly caller: KafkaCaller;
}

export interface ApiHandler<Request, Response> {
  // biome-ignore lint/suspicious/noExplicitAny: handlers are stored in one table across APIs.
  readonly api: GeneratedApi<any, any>;
  handle(context: RequestContext, request: Request): Promise<Response | null>;
  /**
   * The answer when `handle` fails with our bug (Kafka's AbstractRequest.getErrorResponse): every
   * partition or resource the request named gets `errorCode`.
   */
  errorResponse(request: Request, errorCode: number): Response;
  /** False for a request the client expects no answer to, even an error (Produce with acks=0). */
  answers?(request: Request): boolean;
}

/** Defines a handler with its request and response types checked against each other. */
export function defineHandler<Request, Response>(
  handler: ApiHandler<Request, Response>,
): ApiHandler<Request, Response> {
  return handler;
}

/** The Kafka error code for a failure: a HelixError's mapped code, UNKNOWN_SERVER_ERROR (logged) otherwise. */
export function errorCodeOf(context: RequestContext, error: unknown): number {
  if (HelixError.isInstance(error)) return error.kafkaErrorCode;
  if (KafkaWireError.isInstance(error)) return error.errorCode;
  context.logger.error("kafka handler failed unexpectedly", {
    apiKey: context.header.requestApiKey,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return -1;
}

export function errorMessageOf(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}
