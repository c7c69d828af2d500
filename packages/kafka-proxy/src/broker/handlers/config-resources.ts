/** Kafka config resource types (ConfigResource.Type) to Helix's, for the three config APIs. */
import type { ConfigResource } from "../../backend.js";

const topicResourceType = 2;
const brokerResourceType = 4;

/** The Helix resource for a Kafka resource type, or undefined for types we do not serve (they get INVALID_REQUEST). */
export function configResourceOf(resourceType: number, resourceName: string): ConfigResource | undefined {
  if (resourceType === topicResourceType) return { type: "topic", name: resourceName };
  if (resourceType === brokerResourceType) return { type: "broker", name: resourceName };
  return undefined;
}
