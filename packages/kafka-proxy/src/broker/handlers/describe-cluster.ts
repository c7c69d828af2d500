/** DescribeCluster (key 60, KIP-700): brokers, controller and cluster id. */
import {
  type DescribeClusterRequest,
  type DescribeClusterResponse,
  describeClusterApi,
} from "../../protocol/generated/describe-cluster/index.gen.js";
import { defineHandler } from "../context.js";

const operationsNotRequested = -2147483648;

export const describeClusterHandler = defineHandler<DescribeClusterRequest, DescribeClusterResponse>({
  api: describeClusterApi,
  handle: async (context, request) => {
    const cluster = await context.backend.metadata([]);
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      endpointType: request.endpointType,
      clusterId: cluster.clusterId,
      controllerId: cluster.controllerId,
      brokers: cluster.brokers.map((broker) => ({
        brokerId: broker.nodeId,
        host: broker.host,
        port: broker.port,
        rack: broker.rack,
      })),
      clusterAuthorizedOperations: operationsNotRequested,
    };
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage: null,
    endpointType: request.endpointType,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: operationsNotRequested,
  }),
});
