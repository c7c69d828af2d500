/** TEST ONLY: a bare TCP Kafka client that sends hand-built frames and collects raw response frames. */
import { connect, type Socket } from "node:net";
import { FrameSplitter } from "../../src/framing/frame-splitter.js";
import { encodeRequestFrame } from "../../src/framing/messages.js";
import { waitFor } from "../support/wait-for.js";

export class RawClient {
  readonly responses: Uint8Array[] = [];
  closed = false;
  private readonly splitter = new FrameSplitter();

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk) => this.responses.push(...this.splitter.push(chunk)));
    socket.on("close", () => {
      this.closed = true;
    });
    socket.on("error", () => {});
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    return new RawClient(socket);
  }

  send(apiKey: number, apiVersion: number, correlationId: number, body: unknown): void {
    const frame = encodeRequestFrame(
      { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId, clientId: "raw" },
      body,
    );
    this.sendFrame(frame);
  }

  /** Sends `frame` behind an int32 size prefix (which may lie when `declaredSize` is given). */
  sendFrame(frame: Uint8Array, declaredSize = frame.length): void {
    const prefix = new Uint8Array(4);
    new DataView(prefix.buffer).setInt32(0, declaredSize);
    this.socket.write(prefix);
    this.socket.write(frame);
  }

  /** Sends everything `send` calls inside `write` in one TCP write, so the server reads it at once. */
  batch(write: () => void): void {
    this.socket.cork();
    write();
    this.socket.uncork();
  }

  /** Correlation ids of the responses so far (response header v0/v1 both start with it). */
  correlationIds(): number[] {
    return this.responses.map((frame) => new DataView(frame.buffer, frame.byteOffset).getInt32(0));
  }

  async waitForResponses(count: number): Promise<void> {
    await waitFor(() => this.responses.length >= count, 10_000, `${count} responses`);
  }

  async waitForClose(): Promise<void> {
    await waitFor(() => this.closed, 10_000, "the connection to close");
  }

  close(): void {
    this.socket.destroy();
  }
}
