/**
 * A linearizability checker for client histories: Wing and Gong's search with Lowe's just-in-time
 * linearization and memoization (as in Porcupine). Histories are checked per key (linearizability is
 * compositional, Herlihy and Wing §3.3), and the simulator bounds the operations per key, so the
 * search stays small.
 *
 * An operation whose outcome the client never learned (timeout, crash of the node it talked to) is
 * "indeterminate": it may have taken effect at any point after its call, or never. It is searched with
 * a return at infinity and any output, and the search succeeds once every determinate operation is
 * linearized.
 */
import { assert } from "@helixlog/core";

export interface Operation<Input, Output> {
  readonly client: number;
  readonly input: Input;
  /** Undefined for an indeterminate operation. */
  readonly output: Output | undefined;
  /** Simulated time of the call and of the return (Infinity when indeterminate). */
  readonly call: number;
  readonly ret: number;
}

export interface Model<State, Input, Output> {
  readonly name: string;
  initial(): State;
  /** The state after applying `input`, or undefined when `output` is impossible from `state`. */
  step(state: State, input: Input, output: Output | undefined): State | undefined;
  /** A string that identifies a state (for memoization). */
  key(state: State): string;
  describe(operation: Operation<Input, Output>): string;
}

export interface LinearizabilityResult {
  readonly ok: boolean;
  /** Search steps taken (bounded by `stepsMax`). */
  readonly steps: number;
  /** Set when the search gave up: the history is neither proven nor refuted. */
  readonly exhausted: boolean;
}

/** Search steps per key before giving up; the simulator's per-key bound keeps real runs far below. */
export const linearizabilityStepsMax = 2_000_000;

export function checkLinearizable<State, Input, Output>(
  model: Model<State, Input, Output>,
  history: readonly Operation<Input, Output>[],
  stepsMax = linearizabilityStepsMax,
): LinearizabilityResult {
  const count = history.length;
  // Events: call i is 2i, return i is 2i + 1, sorted by time (calls before returns at equal times,
  // so touching operations count as concurrent).
  const events: number[] = [];
  for (let i = 0; i < count; i++) {
    events.push(2 * i);
    if (Number.isFinite((history[i] as Operation<Input, Output>).ret)) events.push(2 * i + 1);
  }
  const timeOf = (event: number): number => {
    const operation = history[event >> 1] as Operation<Input, Output>;
    return event & 1 ? operation.ret : operation.call;
  };
  events.sort((a, b) => timeOf(a) - timeOf(b) || (a & 1) - (b & 1) || a - b);
  // A doubly linked list over the events; index events.length is the head sentinel.
  const size = events.length;
  const next = new Int32Array(size + 1);
  const previous = new Int32Array(size + 1);
  const head = size;
  next[head] = size > 0 ? 0 : -1;
  for (let i = 0; i < size; i++) {
    next[i] = i + 1 < size ? i + 1 : -1;
    previous[i] = i === 0 ? head : i - 1;
  }
  const returnPosition = new Int32Array(count).fill(-1);
  events.forEach((event, position) => {
    if (event & 1) returnPosition[event >> 1] = position;
  });
  const lift = (position: number): void => {
    next[previous[position] as number] = next[position] as number;
    if ((next[position] as number) >= 0) previous[next[position] as number] = previous[position] as number;
  };
  const unlift = (position: number): void => {
    if ((next[position] as number) >= 0) previous[next[position] as number] = position;
    next[previous[position] as number] = position;
  };

  let remaining = history.filter((operation) => Number.isFinite(operation.ret)).length;
  const linearized = new Uint32Array(Math.ceil(count / 32) + 1);
  const seen = new Set<string>();
  const stack: Array<{ position: number; state: State }> = [];
  let state = model.initial();
  let position = next[head] as number;
  let steps = 0;
  while (remaining > 0) {
    if (++steps > stepsMax) return { ok: false, steps, exhausted: true };
    assert(position >= 0, "a determinate operation's return is always ahead in the list");
    const event = events[position] as number;
    const operationIndex = event >> 1;
    if ((event & 1) === 0) {
      const operation = history[operationIndex] as Operation<Input, Output>;
      const after = model.step(state, operation.input, operation.output);
      let advanced = false;
      if (after !== undefined) {
        linearized[operationIndex >> 5] =
          (linearized[operationIndex >> 5] as number) | (1 << (operationIndex & 31));
        const key = `${linearized.join(",")}|${model.key(after)}`;
        if (!seen.has(key)) {
          seen.add(key);
          stack.push({ position, state });
          state = after;
          lift(position);
          const returned = returnPosition[operationIndex] as number;
          if (returned >= 0) {
            lift(returned);
            remaining--;
          }
          position = next[head] as number;
          advanced = true;
        } else {
          linearized[operationIndex >> 5] =
            (linearized[operationIndex >> 5] as number) & ~(1 << (operationIndex & 31));
        }
      }
      if (!advanced) position = nextOrEnd(next, position);
      if (position < 0 && remaining > 0) {
        // Only indeterminate calls are left ahead: backtrack.
        const popped = backtrack();
        if (popped === undefined) return { ok: false, steps, exhausted: false };
        position = popped;
      }
    } else {
      // A return reached before its operation was linearized: undo the last choice.
      const popped = backtrack();
      if (popped === undefined) return { ok: false, steps, exhausted: false };
      position = popped;
    }
  }
  return { ok: true, steps, exhausted: false };

  function backtrack(): number | undefined {
    const top = stack.pop();
    if (top === undefined) return undefined;
    const operationIndex = (events[top.position] as number) >> 1;
    linearized[operationIndex >> 5] =
      (linearized[operationIndex >> 5] as number) & ~(1 << (operationIndex & 31));
    state = top.state;
    const returned = returnPosition[operationIndex] as number;
    if (returned >= 0) {
      unlift(returned);
      remaining++;
    }
    unlift(top.position);
    return nextOrEnd(next, top.position);
  }
}

function nextOrEnd(next: Int32Array, position: number): number {
  return next[position] as number;
}

/** A read/write register: `write(v)` returns "ok", `read` returns the value ("" before any write). */
export type RegisterInput = { readonly kind: "write"; readonly value: string } | { readonly kind: "read" };

export const registerModel: Model<string, RegisterInput, string> = {
  name: "register",
  initial: () => "",
  step: (state, input, output) => {
    if (input.kind === "write") return output === undefined || output === "ok" ? input.value : undefined;
    return output === undefined || output === state ? state : undefined;
  },
  key: (state) => state,
  describe: (operation) =>
    `c${operation.client} ${operation.input.kind === "write" ? `write(${operation.input.value})` : "read()"} -> ${operation.output ?? "?"} [${operation.call.toFixed(3)}, ${operation.ret.toFixed(3)}]`,
};

/**
 * An append-only log: `append(v)` returns the position it was written at (0-based), `length` returns
 * how many values the log holds. Positions must be handed out contiguously, in linearization order.
 */
export type LogInput = { readonly kind: "append"; readonly value: string } | { readonly kind: "length" };

export const logModel: Model<number, LogInput, number> = {
  name: "log",
  initial: () => 0,
  step: (state, input, output) => {
    if (input.kind === "append") return output === undefined || output === state ? state + 1 : undefined;
    return output === undefined || output === state ? state : undefined;
  },
  key: (state) => String(state),
  describe: (operation) =>
    `c${operation.client} ${operation.input.kind === "append" ? `append(${operation.input.value})` : "length()"} -> ${operation.output ?? "?"} [${operation.call.toFixed(3)}, ${operation.ret.toFixed(3)}]`,
};
