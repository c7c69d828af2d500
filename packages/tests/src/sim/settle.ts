/**
 * Waiting for the promise work an event started, without a macrotask per wait (simulation.ts).
 *
 * Node runs a process.nextTick callback only once the microtask queue is empty, microtasks queued by
 * microtasks included, when the code that queued it runs as a microtask itself: the queue is drained
 * before Node looks at its tick queue again. Queueing `resume` as a microtask from that tick (rather
 * than calling it) matters: Node runs every tick callback queued with it before the microtasks they
 * queue, so only a microtask is sure to come after all of them. A setImmediate turn gives the same
 * order at a higher price (one event-loop iteration, with its poll), and lets the process see its event
 * loop (IPC, V8's own tasks): callers take that path now and then during long runs.
 */

/**
 * Calls `resume` as a microtask once every microtask queued so far, and every one those queue in turn,
 * has run. Must be called from code running as a microtask (after an `await`, or in a callback queued
 * with queueMicrotask): from a macrotask's own code, Node would run the tick before its microtasks.
 */
export function afterMicrotasks(resume: () => void, throughEventLoop = false): void {
  if (throughEventLoop) setImmediate(enqueue, resume);
  else process.nextTick(enqueue, resume);
}

const resolved = Promise.resolve();

/**
 * Queues `resume` as a microtask: a reaction on a settled promise, which costs less than
 * queueMicrotask (that one wraps every callback in an AsyncResource). `resume` must not throw.
 */
function enqueue(resume: () => void): void {
  void resolved.then(resume);
}
