/** Limits of the Kafka wire protocol edge (package `kafka-proxy`): connections and the group coordinator. */
import { assert } from "../assert.js";

/**
 * Requests one Kafka connection may have in flight (read, not yet answered). Kafka answers in order per
 * connection, so a slow request holds back every later one; past this bound we stop reading the socket
 * (TCP back-pressure) instead of queueing without end. Clients pipeline at most a handful
 * (`max.in.flight.requests.per.connection` defaults to 5).
 */
export const kafkaInFlightRequestsPerConnectionMax = 64;

/** Open Kafka connections per listener: bounds per-connection buffers and sockets. */
export const kafkaConnectionsMax = 10_000;

/**
 * A Kafka connection with no request in flight and nothing received for this long is closed, as Kafka's
 * `connections.max.idle.ms` (10 minutes). Without it a client that stops mid-frame (or never sends one)
 * holds a connection slot and its partial frame for ever. Clients reconnect on their own.
 */
export const kafkaConnectionIdleMs = 600_000;

/**
 * Classic consumer groups one coordinator holds in memory. Each costs its members' metadata; the
 * backend may hold more, which are loaded on demand.
 */
export const kafkaGroupsMax = 10_000;

/**
 * Members of one classic group, as Kafka's `group.max.size` (unbounded by default in Kafka; a thousand
 * consumers already far exceed any partition count they could usefully share).
 */
export const kafkaMembersPerGroupMax = 1_000;

/** Kafka's `group.min.session.timeout.ms` default: shorter sessions expire on ordinary GC pauses. */
export const kafkaSessionTimeoutMsMin = 6_000;

/** Kafka's `group.max.session.timeout.ms` default: a dead consumer is noticed within this. */
export const kafkaSessionTimeoutMsMax = 1_800_000;

/** Longest rebalance a member may ask for: Kafka bounds it by `max.poll.interval.ms`; we name the bound. */
export const kafkaRebalanceTimeoutMsMax = 1_800_000;

/**
 * Longest a Fetch may wait for `minBytes` (the request's `max.wait.ms`). Bounds how long a request holds
 * its place in the connection's response order; clients use 500 ms (Java) to 5 s (KafkaJS).
 */
export const kafkaFetchWaitMsMax = 30_000;

/** Characters of a group id, member id or group instance id: bounds every key the coordinator holds. */
export const kafkaGroupNameLengthMax = 1_024;

/** Protocols (assignors) one member may list in JoinGroup. Clients send one to three. */
export const kafkaProtocolsPerMemberMax = 32;

/**
 * Kafka's `group.initial.rebalance.delay.ms` (default 3 s): the first join phase of an Empty group waits
 * this long, and this long again (up to the rebalance timeout) each time another member joins meanwhile,
 * so consumers started together land in one generation instead of a first one with the earliest member
 * followed at once by a rebalance that moves its partitions away.
 */
export const kafkaGroupInitialRebalanceDelayMs = 3_000;

/** How often the listener drives the coordinator's clock: session expiry is detected within this. */
export const kafkaCoordinatorTickMs = 100;

assert(kafkaSessionTimeoutMsMin <= kafkaSessionTimeoutMsMax, "session timeout bounds must be ordered");
assert(kafkaCoordinatorTickMs < kafkaSessionTimeoutMsMin, "ticks must be finer than the shortest session");
assert(kafkaConnectionIdleMs > kafkaFetchWaitMsMax, "a long poll must not look idle");
