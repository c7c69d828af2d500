import { HelixError, limits } from "@helixlog/core";
import { validateTokenBucketConfig } from "./token-bucket.js";

/** What a quota meters. Kafka meters request *time*; Helix meters request *count*, which a pure core can. */
export type QuotaResource = "produceBytes" | "fetchBytes" | "requests";
export const quotaResources: readonly QuotaResource[] = ["produceBytes", "fetchBytes", "requests"];

/**
 * The levels of the quota hierarchy, outermost first. A request is charged at every level, and the
 * entity at each level is the path from the top: a client id is a client of one tenant, a topic quota
 * meters one client's use of one topic.
 */
export type QuotaLevel = "cluster" | "tenant" | "client" | "topic";
export const quotaLevels: readonly QuotaLevel[] = ["cluster", "tenant", "client", "topic"];

/** Who a request is charged to. `topic` is absent for requests that are not about one topic. */
export interface QuotaSubject {
  readonly tenant: string;
  readonly clientId: string;
  readonly topic?: string;
}

/**
 * One quota, as plain data: the controller stores these and every node applies them. The fields the
 * level names (`tenant` from the tenant level down, `clientId` from the client level, `topic` at the
 * topic level) pick the entity; an omitted one is a default that applies to *each* entity separately,
 * like Kafka's `<default>` quota entity. An exact name wins over a default, and the outer field decides
 * first (Kafka's precedence: user+client, user+default client, default user+client, defaults).
 *
 * Quotas are enforced per node, like Kafka's per-broker quotas: a cluster-level rate is what each node
 * admits; whoever writes the definitions divides a cluster-wide budget among nodes if that is wanted.
 */
export interface QuotaDefinition {
  readonly level: QuotaLevel;
  readonly resource: QuotaResource;
  readonly tenant?: string;
  readonly clientId?: string;
  readonly topic?: string;
  /** Bytes or requests per second. */
  readonly ratePerSecond: number;
  /** Bytes or requests admitted at once after an idle spell; strict admission needs it ≥ the largest request. */
  readonly burst: number;
}

/** The number of path fields each level's entity has: cluster none, tenant one, client two, topic three. */
const pathLengthOf: Readonly<Record<QuotaLevel, number>> = { cluster: 0, tenant: 1, client: 2, topic: 3 };
const pathFields = ["tenant", "clientId", "topic"] as const;

/** Checks definitions that came from outside (an admin request, the controller's store). */
export function validateQuotaDefinitions(definitions: readonly QuotaDefinition[]): void {
  if (definitions.length > limits.quotaDefinitionsMax) {
    invalid(`at most ${limits.quotaDefinitionsMax} quota definitions are allowed, got ${definitions.length}`);
  }
  const seen = new Set<string>();
  definitions.forEach((definition, index) => {
    validateQuotaDefinition(definition, `quota definition ${index}`);
    const key = definitionKey(definition.level, definition.resource, pathOfDefinition(definition));
    if (seen.has(key))
      invalid(`quota definition ${index} duplicates an earlier one for the same entity and resource`);
    seen.add(key);
  });
}

function validateQuotaDefinition(definition: QuotaDefinition, what: string): void {
  if (!quotaLevels.includes(definition.level))
    invalid(`${what}: unknown level "${String(definition.level)}"`);
  if (!quotaResources.includes(definition.resource)) {
    invalid(`${what}: unknown resource "${String(definition.resource)}"`);
  }
  const pathLength = pathLengthOf[definition.level];
  pathFields.forEach((field, position) => {
    const value = definition[field];
    if (value === undefined) return;
    if (position >= pathLength) invalid(`${what}: a ${definition.level} quota cannot name a ${field}`);
    if (typeof value !== "string" || value.length === 0 || value.length > limits.quotaKeyLengthMax) {
      invalid(`${what}: ${field} must be a string of 1 to ${limits.quotaKeyLengthMax} characters`);
    }
  });
  validateTokenBucketConfig(definition, what);
}

function invalid(message: string): never {
  throw new HelixError("INVALID_CONFIG", message);
}

/** A definition's path: its named fields, `undefined` where it is a default. */
function pathOfDefinition(definition: QuotaDefinition): (string | undefined)[] {
  return pathFields.slice(0, pathLengthOf[definition.level]).map((field) => definition[field]);
}

/**
 * An unambiguous key for a level, resource and path (JSON keeps "a|b" and a default apart). With a
 * concrete path it also names the one bucket that meters that entity.
 */
export function definitionKey(
  level: QuotaLevel,
  resource: QuotaResource,
  path: readonly (string | undefined)[],
): string {
  return JSON.stringify([level, resource, ...path.map((value) => value ?? null)]);
}

/** The concrete path of a subject at a level, or undefined when the level does not apply to it. */
export function subjectPath(subject: QuotaSubject, level: QuotaLevel): string[] | undefined {
  switch (level) {
    case "cluster":
      return [];
    case "tenant":
      return [subject.tenant];
    case "client":
      return [subject.tenant, subject.clientId];
    case "topic":
      return subject.topic === undefined ? undefined : [subject.tenant, subject.clientId, subject.topic];
  }
}

/**
 * Validated definitions indexed for lookup. Lookup tries the subject's exact path, then each mix of
 * exact names and defaults in precedence order: at most 2^3 = 8 map lookups per level.
 */
export class QuotaTable {
  private readonly byKey = new Map<string, QuotaDefinition>();

  constructor(definitions: readonly QuotaDefinition[]) {
    validateQuotaDefinitions(definitions);
    for (const definition of definitions) {
      this.byKey.set(
        definitionKey(definition.level, definition.resource, pathOfDefinition(definition)),
        definition,
      );
    }
  }

  /** The definition that governs `path` at `level` for `resource`, or undefined when none does. */
  lookup(level: QuotaLevel, resource: QuotaResource, path: readonly string[]): QuotaDefinition | undefined {
    for (const candidate of candidatePaths(path)) {
      const definition = this.byKey.get(definitionKey(level, resource, candidate));
      if (definition !== undefined) return definition;
    }
    return undefined;
  }
}

/**
 * Every mix of exact names and defaults for `path`, most specific first: an exact outer field beats a
 * default outer field whatever the inner ones are. Counting down in binary, with the outer field as the
 * highest bit set for "exact", gives exactly that order.
 */
function candidatePaths(path: readonly string[]): (string | undefined)[][] {
  const candidates: (string | undefined)[][] = [];
  const combinations = 2 ** path.length;
  for (let mask = combinations - 1; mask >= 0; mask--) {
    candidates.push(
      path.map((value, position) => ((mask >> (path.length - 1 - position)) & 1 ? value : undefined)),
    );
  }
  return candidates;
}
