import { HelixError, type NodeId } from "@helixlog/core";

/**
 * Producer-id blocks for nodes that do not lead the controller (Kafka brokers ask the controller the
 * same way, AllocateProducerIds, KIP-730): the node sends a request envelope to the controller leader,
 * which reserves the block through the controller log and answers with its first id. Every node can then
 * serve InitProducerId itself. An answer that never comes (lost, leader gone) fails the wait with TIMEOUT
 * (retriable) after `answerTicksMax` ticks; a block reserved for a lost answer is simply never used.
 */
export interface ProducerIdsRequestEnvelope {
  readonly kind: "producerIdsRequest";
  readonly requestId: number;
  readonly count: number;
}

export interface ProducerIdsAnswerEnvelope {
  readonly kind: "producerIdsAnswer";
  readonly requestId: number;
  /** First id of the block, or null when the leader refused (then `error` says why). */
  readonly first: number | null;
  readonly error: string | null;
}

/** Ticks a forwarded request waits for its answer. */
const answerTicksMax = 50;

interface Waiting {
  readonly resolve: (first: number) => void;
  readonly reject: (error: unknown) => void;
  ticksLeft: number;
}

export class ProducerIdForwarding {
  private nextRequestId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly send: (
      to: NodeId,
      envelope: ProducerIdsRequestEnvelope | ProducerIdsAnswerEnvelope,
    ) => void,
    /** Reserves a block through the controller log (controller leader only). */
    private readonly allocate: (count: number) => Promise<number>,
  ) {}

  /** Asks the controller leader `leader` for a block of `count` ids. */
  request(leader: NodeId, count: number): Promise<number> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(requestId, { resolve, reject, ticksLeft: answerTicksMax });
      this.send(leader, { kind: "producerIdsRequest", requestId, count });
    });
  }

  /** On the controller leader: reserves the block and answers (a refusal travels as its message). */
  serve(from: NodeId, request: ProducerIdsRequestEnvelope): void {
    this.allocate(request.count).then(
      (first) =>
        this.send(from, { kind: "producerIdsAnswer", requestId: request.requestId, first, error: null }),
      (error: unknown) =>
        this.send(from, {
          kind: "producerIdsAnswer",
          requestId: request.requestId,
          first: null,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  onAnswer(answer: ProducerIdsAnswerEnvelope): void {
    const waiting = this.waiting.get(answer.requestId);
    if (waiting === undefined) return;
    this.waiting.delete(answer.requestId);
    if (answer.first !== null) waiting.resolve(answer.first);
    else
      waiting.reject(
        new HelixError(
          "NOT_LEADER",
          `the controller leader refused producer ids: ${answer.error ?? "unknown"}`,
        ),
      );
  }

  /** Fails the waits whose answer did not come in time. */
  tick(): void {
    for (const [requestId, waiting] of this.waiting) {
      if (--waiting.ticksLeft > 0) continue;
      this.waiting.delete(requestId);
      waiting.reject(new HelixError("TIMEOUT", "the controller leader did not answer a producer-id request"));
    }
  }

  /** Fails every wait (the node is stopping). */
  close(error: HelixError): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
