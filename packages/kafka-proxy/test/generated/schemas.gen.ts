// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

/** The schemas the codecs were generated from, comments and documentation removed. */
export const schemas: readonly unknown[] = [
 {
  "apiKey": 25,
  "type": "request",
  "name": "AddOffsetsToTxnRequest",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "TransactionalId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "0+"
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 25,
  "type": "response",
  "name": "AddOffsetsToTxnResponse",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 24,
  "type": "request",
  "name": "AddPartitionsToTxnRequest",
  "latestVersionUnstable": false,
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "Transactions",
    "type": "[]AddPartitionsToTxnTransaction",
    "versions": "4+",
    "fields": [
     {
      "name": "TransactionalId",
      "type": "string",
      "versions": "4+"
     },
     {
      "name": "ProducerId",
      "type": "int64",
      "versions": "4+"
     },
     {
      "name": "ProducerEpoch",
      "type": "int16",
      "versions": "4+"
     },
     {
      "name": "VerifyOnly",
      "type": "bool",
      "versions": "4+",
      "default": false
     },
     {
      "name": "Topics",
      "type": "[]AddPartitionsToTxnTopic",
      "versions": "4+"
     }
    ]
   },
   {
    "name": "V3AndBelowTransactionalId",
    "type": "string",
    "versions": "0-3"
   },
   {
    "name": "V3AndBelowProducerId",
    "type": "int64",
    "versions": "0-3"
   },
   {
    "name": "V3AndBelowProducerEpoch",
    "type": "int16",
    "versions": "0-3"
   },
   {
    "name": "V3AndBelowTopics",
    "type": "[]AddPartitionsToTxnTopic",
    "versions": "0-3"
   }
  ],
  "commonStructs": [
   {
    "name": "AddPartitionsToTxnTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 24,
  "type": "response",
  "name": "AddPartitionsToTxnResponse",
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "4+"
   },
   {
    "name": "ResultsByTransaction",
    "type": "[]AddPartitionsToTxnResult",
    "versions": "4+",
    "fields": [
     {
      "name": "TransactionalId",
      "type": "string",
      "versions": "4+"
     },
     {
      "name": "TopicResults",
      "type": "[]AddPartitionsToTxnTopicResult",
      "versions": "4+"
     }
    ]
   },
   {
    "name": "ResultsByTopicV3AndBelow",
    "type": "[]AddPartitionsToTxnTopicResult",
    "versions": "0-3"
   }
  ],
  "commonStructs": [
   {
    "name": "AddPartitionsToTxnTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ResultsByPartition",
      "type": "[]AddPartitionsToTxnPartitionResult",
      "versions": "0+"
     }
    ]
   },
   {
    "name": "AddPartitionsToTxnPartitionResult",
    "versions": "0+",
    "fields": [
     {
      "name": "PartitionIndex",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "PartitionErrorCode",
      "type": "int16",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 33,
  "type": "request",
  "name": "AlterConfigsRequest",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "Resources",
    "type": "[]AlterConfigsResource",
    "versions": "0+",
    "fields": [
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Configs",
      "type": "[]AlterableConfig",
      "versions": "0+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "Value",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "ValidateOnly",
    "type": "bool",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 33,
  "type": "response",
  "name": "AlterConfigsResponse",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Responses",
    "type": "[]AlterConfigsResourceResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "nullableVersions": "0+",
      "versions": "0+"
     },
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 18,
  "type": "request",
  "name": "ApiVersionsRequest",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ClientSoftwareName",
    "type": "string",
    "versions": "3+"
   },
   {
    "name": "ClientSoftwareVersion",
    "type": "string",
    "versions": "3+"
   }
  ]
 },
 {
  "apiKey": 18,
  "type": "response",
  "name": "ApiVersionsResponse",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ApiKeys",
    "type": "[]ApiVersion",
    "versions": "0+",
    "fields": [
     {
      "name": "ApiKey",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "MinVersion",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "MaxVersion",
      "type": "int16",
      "versions": "0+"
     }
    ]
   },
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "SupportedFeatures",
    "type": "[]SupportedFeatureKey",
    "versions": "3+",
    "tag": 0,
    "taggedVersions": "3+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "3+"
     },
     {
      "name": "MinVersion",
      "type": "int16",
      "versions": "3+"
     },
     {
      "name": "MaxVersion",
      "type": "int16",
      "versions": "3+"
     }
    ]
   },
   {
    "name": "FinalizedFeaturesEpoch",
    "type": "int64",
    "versions": "3+",
    "tag": 1,
    "taggedVersions": "3+",
    "default": "-1"
   },
   {
    "name": "FinalizedFeatures",
    "type": "[]FinalizedFeatureKey",
    "versions": "3+",
    "tag": 2,
    "taggedVersions": "3+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "3+"
     },
     {
      "name": "MaxVersionLevel",
      "type": "int16",
      "versions": "3+"
     },
     {
      "name": "MinVersionLevel",
      "type": "int16",
      "versions": "3+"
     }
    ]
   },
   {
    "name": "ZkMigrationReady",
    "type": "bool",
    "versions": "3+",
    "taggedVersions": "3+",
    "tag": 3,
    "default": "false"
   }
  ]
 },
 {
  "apiKey": 69,
  "type": "request",
  "name": "ConsumerGroupDescribeRequest",
  "validVersions": "0",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "GroupIds",
    "type": "[]string",
    "versions": "0+"
   },
   {
    "name": "IncludeAuthorizedOperations",
    "type": "bool",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 69,
  "type": "response",
  "name": "ConsumerGroupDescribeResponse",
  "validVersions": "0",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Groups",
    "type": "[]DescribedGroup",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "0+",
      "default": "null"
     },
     {
      "name": "GroupId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "GroupState",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "GroupEpoch",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "AssignmentEpoch",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "AssignorName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Members",
      "type": "[]Member",
      "versions": "0+",
      "fields": [
       {
        "name": "MemberId",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "InstanceId",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+",
        "default": "null"
       },
       {
        "name": "RackId",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+",
        "default": "null"
       },
       {
        "name": "MemberEpoch",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ClientId",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "ClientHost",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "SubscribedTopicNames",
        "type": "[]string",
        "versions": "0+"
       },
       {
        "name": "SubscribedTopicRegex",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+",
        "default": "null"
       },
       {
        "name": "Assignment",
        "type": "Assignment",
        "versions": "0+"
       },
       {
        "name": "TargetAssignment",
        "type": "Assignment",
        "versions": "0+"
       }
      ]
     },
     {
      "name": "AuthorizedOperations",
      "type": "int32",
      "versions": "0+",
      "default": "-2147483648"
     }
    ]
   }
  ],
  "commonStructs": [
   {
    "name": "TopicPartitions",
    "versions": "0+",
    "fields": [
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "0+"
     },
     {
      "name": "TopicName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   },
   {
    "name": "Assignment",
    "versions": "0+",
    "fields": [
     {
      "name": "TopicPartitions",
      "type": "[]TopicPartitions",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 68,
  "type": "request",
  "name": "ConsumerGroupHeartbeatRequest",
  "validVersions": "0-1",
  "flexibleVersions": "0+",
  "latestVersionUnstable": true,
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "MemberEpoch",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "InstanceId",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "RackId",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "RebalanceTimeoutMs",
    "type": "int32",
    "versions": "0+",
    "default": -1
   },
   {
    "name": "SubscribedTopicNames",
    "type": "[]string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "SubscribedTopicRegex",
    "type": "string",
    "versions": "1+",
    "nullableVersions": "1+",
    "default": "null"
   },
   {
    "name": "ServerAssignor",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "TopicPartitions",
    "type": "[]TopicPartitions",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null",
    "fields": [
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 68,
  "type": "response",
  "name": "ConsumerGroupHeartbeatResponse",
  "validVersions": "0-1",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ErrorMessage",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "MemberEpoch",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "HeartbeatIntervalMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Assignment",
    "type": "Assignment",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null",
    "fields": [
     {
      "name": "TopicPartitions",
      "type": "[]TopicPartitions",
      "versions": "0+"
     }
    ]
   }
  ],
  "commonStructs": [
   {
    "name": "TopicPartitions",
    "versions": "0+",
    "fields": [
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "type": "data",
  "name": "ConsumerProtocolAssignment",
  "validVersions": "0-3",
  "flexibleVersions": "none",
  "fields": [
   {
    "name": "AssignedPartitions",
    "type": "[]TopicPartition",
    "versions": "0+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   },
   {
    "name": "UserData",
    "type": "bytes",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   }
  ]
 },
 {
  "type": "data",
  "name": "ConsumerProtocolSubscription",
  "validVersions": "0-3",
  "flexibleVersions": "none",
  "fields": [
   {
    "name": "Topics",
    "type": "[]string",
    "versions": "0+"
   },
   {
    "name": "UserData",
    "type": "bytes",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "OwnedPartitions",
    "type": "[]TopicPartition",
    "versions": "1+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "1+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "1+"
     }
    ]
   },
   {
    "name": "GenerationId",
    "type": "int32",
    "versions": "2+",
    "default": "-1"
   },
   {
    "name": "RackId",
    "type": "string",
    "versions": "3+",
    "nullableVersions": "3+",
    "default": "null"
   }
  ]
 },
 {
  "apiKey": 37,
  "type": "request",
  "name": "CreatePartitionsRequest",
  "validVersions": "0-3",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]CreatePartitionsTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Count",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "Assignments",
      "type": "[]CreatePartitionsAssignment",
      "versions": "0+",
      "nullableVersions": "0+",
      "fields": [
       {
        "name": "BrokerIds",
        "type": "[]int32",
        "versions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "TimeoutMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ValidateOnly",
    "type": "bool",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 37,
  "type": "response",
  "name": "CreatePartitionsResponse",
  "validVersions": "0-3",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Results",
    "type": "[]CreatePartitionsTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "0+",
      "default": "null"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 19,
  "type": "request",
  "name": "CreateTopicsRequest",
  "validVersions": "0-7",
  "flexibleVersions": "5+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]CreatableTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "NumPartitions",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "ReplicationFactor",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "Assignments",
      "type": "[]CreatableReplicaAssignment",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "BrokerIds",
        "type": "[]int32",
        "versions": "0+"
       }
      ]
     },
     {
      "name": "Configs",
      "type": "[]CreatableTopicConfig",
      "versions": "0+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "Value",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "timeoutMs",
    "type": "int32",
    "versions": "0+",
    "default": "60000"
   },
   {
    "name": "validateOnly",
    "type": "bool",
    "versions": "1+",
    "default": "false"
   }
  ]
 },
 {
  "apiKey": 19,
  "type": "response",
  "name": "CreateTopicsResponse",
  "validVersions": "0-7",
  "flexibleVersions": "5+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "2+"
   },
   {
    "name": "Topics",
    "type": "[]CreatableTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "7+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "1+",
      "nullableVersions": "0+"
     },
     {
      "name": "TopicConfigErrorCode",
      "type": "int16",
      "versions": "5+",
      "tag": 0,
      "taggedVersions": "5+"
     },
     {
      "name": "NumPartitions",
      "type": "int32",
      "versions": "5+",
      "default": "-1"
     },
     {
      "name": "ReplicationFactor",
      "type": "int16",
      "versions": "5+",
      "default": "-1"
     },
     {
      "name": "Configs",
      "type": "[]CreatableTopicConfigs",
      "versions": "5+",
      "nullableVersions": "5+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "5+"
       },
       {
        "name": "Value",
        "type": "string",
        "versions": "5+",
        "nullableVersions": "5+"
       },
       {
        "name": "ReadOnly",
        "type": "bool",
        "versions": "5+"
       },
       {
        "name": "ConfigSource",
        "type": "int8",
        "versions": "5+",
        "default": "-1"
       },
       {
        "name": "IsSensitive",
        "type": "bool",
        "versions": "5+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 42,
  "type": "request",
  "name": "DeleteGroupsRequest",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "GroupsNames",
    "type": "[]string",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 42,
  "type": "response",
  "name": "DeleteGroupsResponse",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Results",
    "type": "[]DeletableGroupResult",
    "versions": "0+",
    "fields": [
     {
      "name": "GroupId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 21,
  "type": "request",
  "name": "DeleteRecordsRequest",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]DeleteRecordsTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]DeleteRecordsPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "Offset",
        "type": "int64",
        "versions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "TimeoutMs",
    "type": "int32",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 21,
  "type": "response",
  "name": "DeleteRecordsResponse",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Topics",
    "type": "[]DeleteRecordsTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]DeleteRecordsPartitionResult",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "LowWatermark",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 20,
  "type": "request",
  "name": "DeleteTopicsRequest",
  "validVersions": "0-6",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]DeleteTopicState",
    "versions": "6+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "6+",
      "nullableVersions": "6+",
      "default": "null"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "6+"
     }
    ]
   },
   {
    "name": "TopicNames",
    "type": "[]string",
    "versions": "0-5"
   },
   {
    "name": "TimeoutMs",
    "type": "int32",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 20,
  "type": "response",
  "name": "DeleteTopicsResponse",
  "validVersions": "0-6",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "Responses",
    "type": "[]DeletableTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "6+"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "6+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "5+",
      "nullableVersions": "5+",
      "default": "null"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 60,
  "type": "request",
  "name": "DescribeClusterRequest",
  "validVersions": "0-1",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "IncludeClusterAuthorizedOperations",
    "type": "bool",
    "versions": "0+"
   },
   {
    "name": "EndpointType",
    "type": "int8",
    "versions": "1+",
    "default": "1"
   }
  ]
 },
 {
  "apiKey": 60,
  "type": "response",
  "name": "DescribeClusterResponse",
  "validVersions": "0-1",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ErrorMessage",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+",
    "default": "null"
   },
   {
    "name": "EndpointType",
    "type": "int8",
    "versions": "1+",
    "default": "1"
   },
   {
    "name": "ClusterId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "ControllerId",
    "type": "int32",
    "versions": "0+",
    "default": "-1"
   },
   {
    "name": "Brokers",
    "type": "[]DescribeClusterBroker",
    "versions": "0+",
    "fields": [
     {
      "name": "BrokerId",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "Host",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Port",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "Rack",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "0+",
      "default": "null"
     }
    ]
   },
   {
    "name": "ClusterAuthorizedOperations",
    "type": "int32",
    "versions": "0+",
    "default": "-2147483648"
   }
  ]
 },
 {
  "apiKey": 32,
  "type": "request",
  "name": "DescribeConfigsRequest",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "Resources",
    "type": "[]DescribeConfigsResource",
    "versions": "0+",
    "fields": [
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ConfigurationKeys",
      "type": "[]string",
      "versions": "0+",
      "nullableVersions": "0+"
     }
    ]
   },
   {
    "name": "IncludeSynonyms",
    "type": "bool",
    "versions": "1+",
    "default": "false"
   },
   {
    "name": "IncludeDocumentation",
    "type": "bool",
    "versions": "3+",
    "default": "false"
   }
  ]
 },
 {
  "apiKey": 32,
  "type": "response",
  "name": "DescribeConfigsResponse",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Results",
    "type": "[]DescribeConfigsResult",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "0+"
     },
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Configs",
      "type": "[]DescribeConfigsResourceResult",
      "versions": "0+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "Value",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       },
       {
        "name": "ReadOnly",
        "type": "bool",
        "versions": "0+"
       },
       {
        "name": "IsDefault",
        "type": "bool",
        "versions": "0"
       },
       {
        "name": "ConfigSource",
        "type": "int8",
        "versions": "1+",
        "default": "-1"
       },
       {
        "name": "IsSensitive",
        "type": "bool",
        "versions": "0+"
       },
       {
        "name": "Synonyms",
        "type": "[]DescribeConfigsSynonym",
        "versions": "1+",
        "fields": [
         {
          "name": "Name",
          "type": "string",
          "versions": "1+"
         },
         {
          "name": "Value",
          "type": "string",
          "versions": "1+",
          "nullableVersions": "0+"
         },
         {
          "name": "Source",
          "type": "int8",
          "versions": "1+"
         }
        ]
       },
       {
        "name": "ConfigType",
        "type": "int8",
        "versions": "3+",
        "default": "0"
       },
       {
        "name": "Documentation",
        "type": "string",
        "versions": "3+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 15,
  "type": "request",
  "name": "DescribeGroupsRequest",
  "validVersions": "0-5",
  "flexibleVersions": "5+",
  "fields": [
   {
    "name": "Groups",
    "type": "[]string",
    "versions": "0+"
   },
   {
    "name": "IncludeAuthorizedOperations",
    "type": "bool",
    "versions": "3+"
   }
  ]
 },
 {
  "apiKey": 15,
  "type": "response",
  "name": "DescribeGroupsResponse",
  "validVersions": "0-5",
  "flexibleVersions": "5+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "Groups",
    "type": "[]DescribedGroup",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "GroupId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "GroupState",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ProtocolType",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ProtocolData",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Members",
      "type": "[]DescribedGroupMember",
      "versions": "0+",
      "fields": [
       {
        "name": "MemberId",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "GroupInstanceId",
        "type": "string",
        "versions": "4+",
        "nullableVersions": "4+",
        "default": "null"
       },
       {
        "name": "ClientId",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "ClientHost",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "MemberMetadata",
        "type": "bytes",
        "versions": "0+"
       },
       {
        "name": "MemberAssignment",
        "type": "bytes",
        "versions": "0+"
       }
      ]
     },
     {
      "name": "AuthorizedOperations",
      "type": "int32",
      "versions": "3+",
      "default": "-2147483648"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 61,
  "type": "request",
  "name": "DescribeProducersRequest",
  "validVersions": "0",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]TopicRequest",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "PartitionIndexes",
      "type": "[]int32",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 61,
  "type": "response",
  "name": "DescribeProducersResponse",
  "validVersions": "0",
  "flexibleVersions": "0+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Topics",
    "type": "[]TopicResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]PartitionResponse",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "ErrorMessage",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+",
        "default": "null"
       },
       {
        "name": "ActiveProducers",
        "type": "[]ProducerState",
        "versions": "0+",
        "fields": [
         {
          "name": "ProducerId",
          "type": "int64",
          "versions": "0+"
         },
         {
          "name": "ProducerEpoch",
          "type": "int32",
          "versions": "0+"
         },
         {
          "name": "LastSequence",
          "type": "int32",
          "versions": "0+",
          "default": "-1"
         },
         {
          "name": "LastTimestamp",
          "type": "int64",
          "versions": "0+",
          "default": "-1"
         },
         {
          "name": "CoordinatorEpoch",
          "type": "int32",
          "versions": "0+"
         },
         {
          "name": "CurrentTxnStartOffset",
          "type": "int64",
          "versions": "0+",
          "default": "-1"
         }
        ]
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 26,
  "type": "request",
  "name": "EndTxnRequest",
  "latestVersionUnstable": true,
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "TransactionalId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "0+"
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "Committed",
    "type": "bool",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 26,
  "type": "response",
  "name": "EndTxnResponse",
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "5+",
    "default": "-1"
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "5+",
    "default": "-1"
   }
  ]
 },
 {
  "apiKey": 1,
  "type": "request",
  "name": "FetchRequest",
  "validVersions": "0-17",
  "flexibleVersions": "12+",
  "fields": [
   {
    "name": "ClusterId",
    "type": "string",
    "versions": "12+",
    "nullableVersions": "12+",
    "default": "null",
    "taggedVersions": "12+",
    "tag": 0
   },
   {
    "name": "ReplicaId",
    "type": "int32",
    "versions": "0-14",
    "default": "-1"
   },
   {
    "name": "ReplicaState",
    "type": "ReplicaState",
    "versions": "15+",
    "taggedVersions": "15+",
    "tag": 1,
    "fields": [
     {
      "name": "ReplicaId",
      "type": "int32",
      "versions": "15+",
      "default": "-1"
     },
     {
      "name": "ReplicaEpoch",
      "type": "int64",
      "versions": "15+",
      "default": "-1"
     }
    ]
   },
   {
    "name": "MaxWaitMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "MinBytes",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "MaxBytes",
    "type": "int32",
    "versions": "3+",
    "default": "0x7fffffff"
   },
   {
    "name": "IsolationLevel",
    "type": "int8",
    "versions": "4+",
    "default": "0"
   },
   {
    "name": "SessionId",
    "type": "int32",
    "versions": "7+",
    "default": "0"
   },
   {
    "name": "SessionEpoch",
    "type": "int32",
    "versions": "7+",
    "default": "-1"
   },
   {
    "name": "Topics",
    "type": "[]FetchTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "0-12"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "13+"
     },
     {
      "name": "Partitions",
      "type": "[]FetchPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "Partition",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "CurrentLeaderEpoch",
        "type": "int32",
        "versions": "9+",
        "default": "-1"
       },
       {
        "name": "FetchOffset",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "LastFetchedEpoch",
        "type": "int32",
        "versions": "12+",
        "default": "-1"
       },
       {
        "name": "LogStartOffset",
        "type": "int64",
        "versions": "5+",
        "default": "-1"
       },
       {
        "name": "PartitionMaxBytes",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ReplicaDirectoryId",
        "type": "uuid",
        "versions": "17+",
        "taggedVersions": "17+",
        "tag": 0
       }
      ]
     }
    ]
   },
   {
    "name": "ForgottenTopicsData",
    "type": "[]ForgottenTopic",
    "versions": "7+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "7-12"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "13+"
     },
     {
      "name": "Partitions",
      "type": "[]int32",
      "versions": "7+"
     }
    ]
   },
   {
    "name": "RackId",
    "type": "string",
    "versions": "11+",
    "default": ""
   }
  ]
 },
 {
  "apiKey": 1,
  "type": "response",
  "name": "FetchResponse",
  "validVersions": "0-17",
  "flexibleVersions": "12+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "7+"
   },
   {
    "name": "SessionId",
    "type": "int32",
    "versions": "7+",
    "default": "0"
   },
   {
    "name": "Responses",
    "type": "[]FetchableTopicResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "0-12"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "13+"
     },
     {
      "name": "Partitions",
      "type": "[]PartitionData",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "HighWatermark",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "LastStableOffset",
        "type": "int64",
        "versions": "4+",
        "default": "-1"
       },
       {
        "name": "LogStartOffset",
        "type": "int64",
        "versions": "5+",
        "default": "-1"
       },
       {
        "name": "DivergingEpoch",
        "type": "EpochEndOffset",
        "versions": "12+",
        "taggedVersions": "12+",
        "tag": 0,
        "fields": [
         {
          "name": "Epoch",
          "type": "int32",
          "versions": "12+",
          "default": "-1"
         },
         {
          "name": "EndOffset",
          "type": "int64",
          "versions": "12+",
          "default": "-1"
         }
        ]
       },
       {
        "name": "CurrentLeader",
        "type": "LeaderIdAndEpoch",
        "versions": "12+",
        "taggedVersions": "12+",
        "tag": 1,
        "fields": [
         {
          "name": "LeaderId",
          "type": "int32",
          "versions": "12+",
          "default": "-1"
         },
         {
          "name": "LeaderEpoch",
          "type": "int32",
          "versions": "12+",
          "default": "-1"
         }
        ]
       },
       {
        "name": "SnapshotId",
        "type": "SnapshotId",
        "versions": "12+",
        "taggedVersions": "12+",
        "tag": 2,
        "fields": [
         {
          "name": "EndOffset",
          "type": "int64",
          "versions": "0+",
          "default": "-1"
         },
         {
          "name": "Epoch",
          "type": "int32",
          "versions": "0+",
          "default": "-1"
         }
        ]
       },
       {
        "name": "AbortedTransactions",
        "type": "[]AbortedTransaction",
        "versions": "4+",
        "nullableVersions": "4+",
        "fields": [
         {
          "name": "ProducerId",
          "type": "int64",
          "versions": "4+"
         },
         {
          "name": "FirstOffset",
          "type": "int64",
          "versions": "4+"
         }
        ]
       },
       {
        "name": "PreferredReadReplica",
        "type": "int32",
        "versions": "11+",
        "default": "-1"
       },
       {
        "name": "Records",
        "type": "records",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "NodeEndpoints",
    "type": "[]NodeEndpoint",
    "versions": "16+",
    "taggedVersions": "16+",
    "tag": 0,
    "fields": [
     {
      "name": "NodeId",
      "type": "int32",
      "versions": "16+"
     },
     {
      "name": "Host",
      "type": "string",
      "versions": "16+"
     },
     {
      "name": "Port",
      "type": "int32",
      "versions": "16+"
     },
     {
      "name": "Rack",
      "type": "string",
      "versions": "16+",
      "nullableVersions": "16+",
      "default": "null"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 10,
  "type": "request",
  "name": "FindCoordinatorRequest",
  "validVersions": "0-6",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "Key",
    "type": "string",
    "versions": "0-3"
   },
   {
    "name": "KeyType",
    "type": "int8",
    "versions": "1+",
    "default": "0"
   },
   {
    "name": "CoordinatorKeys",
    "type": "[]string",
    "versions": "4+"
   }
  ]
 },
 {
  "apiKey": 10,
  "type": "response",
  "name": "FindCoordinatorResponse",
  "validVersions": "0-6",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0-3"
   },
   {
    "name": "ErrorMessage",
    "type": "string",
    "versions": "1-3",
    "nullableVersions": "1-3"
   },
   {
    "name": "NodeId",
    "type": "int32",
    "versions": "0-3"
   },
   {
    "name": "Host",
    "type": "string",
    "versions": "0-3"
   },
   {
    "name": "Port",
    "type": "int32",
    "versions": "0-3"
   },
   {
    "name": "Coordinators",
    "type": "[]Coordinator",
    "versions": "4+",
    "fields": [
     {
      "name": "Key",
      "type": "string",
      "versions": "4+"
     },
     {
      "name": "NodeId",
      "type": "int32",
      "versions": "4+"
     },
     {
      "name": "Host",
      "type": "string",
      "versions": "4+"
     },
     {
      "name": "Port",
      "type": "int32",
      "versions": "4+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "4+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "versions": "4+",
      "nullableVersions": "4+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 12,
  "type": "request",
  "name": "HeartbeatRequest",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GenerationId",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GroupInstanceId",
    "type": "string",
    "versions": "3+",
    "nullableVersions": "3+",
    "default": "null"
   }
  ]
 },
 {
  "apiKey": 12,
  "type": "response",
  "name": "HeartbeatResponse",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 44,
  "type": "request",
  "name": "IncrementalAlterConfigsRequest",
  "validVersions": "0-1",
  "flexibleVersions": "1+",
  "fields": [
   {
    "name": "Resources",
    "type": "[]AlterConfigsResource",
    "versions": "0+",
    "fields": [
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Configs",
      "type": "[]AlterableConfig",
      "versions": "0+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "0+"
       },
       {
        "name": "ConfigOperation",
        "type": "int8",
        "versions": "0+"
       },
       {
        "name": "Value",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   },
   {
    "name": "ValidateOnly",
    "type": "bool",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 44,
  "type": "response",
  "name": "IncrementalAlterConfigsResponse",
  "validVersions": "0-1",
  "flexibleVersions": "1+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Responses",
    "type": "[]AlterConfigsResourceResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "ErrorMessage",
      "type": "string",
      "nullableVersions": "0+",
      "versions": "0+"
     },
     {
      "name": "ResourceType",
      "type": "int8",
      "versions": "0+"
     },
     {
      "name": "ResourceName",
      "type": "string",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 22,
  "type": "request",
  "name": "InitProducerIdRequest",
  "validVersions": "0-5",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "TransactionalId",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+"
   },
   {
    "name": "TransactionTimeoutMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "3+",
    "default": "-1"
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "3+",
    "default": "-1"
   }
  ]
 },
 {
  "apiKey": 22,
  "type": "response",
  "name": "InitProducerIdResponse",
  "validVersions": "0-5",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "0+",
    "default": -1
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 11,
  "type": "request",
  "name": "JoinGroupRequest",
  "validVersions": "0-9",
  "flexibleVersions": "6+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "SessionTimeoutMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "RebalanceTimeoutMs",
    "type": "int32",
    "versions": "1+",
    "default": "-1"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GroupInstanceId",
    "type": "string",
    "versions": "5+",
    "nullableVersions": "5+",
    "default": "null"
   },
   {
    "name": "ProtocolType",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "Protocols",
    "type": "[]JoinGroupRequestProtocol",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Metadata",
      "type": "bytes",
      "versions": "0+"
     }
    ]
   },
   {
    "name": "Reason",
    "type": "string",
    "versions": "8+",
    "nullableVersions": "8+",
    "default": "null"
   }
  ]
 },
 {
  "apiKey": 11,
  "type": "response",
  "name": "JoinGroupResponse",
  "validVersions": "0-9",
  "flexibleVersions": "6+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "2+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "GenerationId",
    "type": "int32",
    "versions": "0+",
    "default": "-1"
   },
   {
    "name": "ProtocolType",
    "type": "string",
    "versions": "7+",
    "nullableVersions": "7+",
    "default": "null"
   },
   {
    "name": "ProtocolName",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "7+"
   },
   {
    "name": "Leader",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "SkipAssignment",
    "type": "bool",
    "versions": "9+",
    "default": "false"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "Members",
    "type": "[]JoinGroupResponseMember",
    "versions": "0+",
    "fields": [
     {
      "name": "MemberId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "GroupInstanceId",
      "type": "string",
      "versions": "5+",
      "nullableVersions": "5+",
      "default": "null"
     },
     {
      "name": "Metadata",
      "type": "bytes",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 13,
  "type": "request",
  "name": "LeaveGroupRequest",
  "validVersions": "0-5",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0-2"
   },
   {
    "name": "Members",
    "type": "[]MemberIdentity",
    "versions": "3+",
    "fields": [
     {
      "name": "MemberId",
      "type": "string",
      "versions": "3+"
     },
     {
      "name": "GroupInstanceId",
      "type": "string",
      "versions": "3+",
      "nullableVersions": "3+",
      "default": "null"
     },
     {
      "name": "Reason",
      "type": "string",
      "versions": "5+",
      "nullableVersions": "5+",
      "default": "null"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 13,
  "type": "response",
  "name": "LeaveGroupResponse",
  "validVersions": "0-5",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "Members",
    "type": "[]MemberResponse",
    "versions": "3+",
    "fields": [
     {
      "name": "MemberId",
      "type": "string",
      "versions": "3+"
     },
     {
      "name": "GroupInstanceId",
      "type": "string",
      "versions": "3+",
      "nullableVersions": "3+"
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "3+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 16,
  "type": "request",
  "name": "ListGroupsRequest",
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "StatesFilter",
    "type": "[]string",
    "versions": "4+"
   },
   {
    "name": "TypesFilter",
    "type": "[]string",
    "versions": "5+"
   }
  ]
 },
 {
  "apiKey": 16,
  "type": "response",
  "name": "ListGroupsResponse",
  "validVersions": "0-5",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "Groups",
    "type": "[]ListedGroup",
    "versions": "0+",
    "fields": [
     {
      "name": "GroupId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "ProtocolType",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "GroupState",
      "type": "string",
      "versions": "4+"
     },
     {
      "name": "GroupType",
      "type": "string",
      "versions": "5+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 2,
  "type": "request",
  "name": "ListOffsetsRequest",
  "validVersions": "0-10",
  "flexibleVersions": "6+",
  "latestVersionUnstable": false,
  "fields": [
   {
    "name": "ReplicaId",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "IsolationLevel",
    "type": "int8",
    "versions": "2+"
   },
   {
    "name": "Topics",
    "type": "[]ListOffsetsTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]ListOffsetsPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "CurrentLeaderEpoch",
        "type": "int32",
        "versions": "4+",
        "default": "-1"
       },
       {
        "name": "Timestamp",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "MaxNumOffsets",
        "type": "int32",
        "versions": "0",
        "default": "1"
       }
      ]
     }
    ]
   },
   {
    "name": "TimeoutMs",
    "type": "int32",
    "versions": "10+"
   }
  ]
 },
 {
  "apiKey": 2,
  "type": "response",
  "name": "ListOffsetsResponse",
  "validVersions": "0-10",
  "flexibleVersions": "6+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "2+"
   },
   {
    "name": "Topics",
    "type": "[]ListOffsetsTopicResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]ListOffsetsPartitionResponse",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "OldStyleOffsets",
        "type": "[]int64",
        "versions": "0"
       },
       {
        "name": "Timestamp",
        "type": "int64",
        "versions": "1+",
        "default": "-1"
       },
       {
        "name": "Offset",
        "type": "int64",
        "versions": "1+",
        "default": "-1"
       },
       {
        "name": "LeaderEpoch",
        "type": "int32",
        "versions": "4+",
        "default": "-1"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 3,
  "type": "request",
  "name": "MetadataRequest",
  "validVersions": "0-12",
  "flexibleVersions": "9+",
  "fields": [
   {
    "name": "Topics",
    "type": "[]MetadataRequestTopic",
    "versions": "0+",
    "nullableVersions": "1+",
    "fields": [
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "10+"
     },
     {
      "name": "Name",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "10+"
     }
    ]
   },
   {
    "name": "AllowAutoTopicCreation",
    "type": "bool",
    "versions": "4+",
    "default": "true"
   },
   {
    "name": "IncludeClusterAuthorizedOperations",
    "type": "bool",
    "versions": "8-10"
   },
   {
    "name": "IncludeTopicAuthorizedOperations",
    "type": "bool",
    "versions": "8+"
   }
  ]
 },
 {
  "apiKey": 3,
  "type": "response",
  "name": "MetadataResponse",
  "validVersions": "0-12",
  "flexibleVersions": "9+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "3+"
   },
   {
    "name": "Brokers",
    "type": "[]MetadataResponseBroker",
    "versions": "0+",
    "fields": [
     {
      "name": "NodeId",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "Host",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Port",
      "type": "int32",
      "versions": "0+"
     },
     {
      "name": "Rack",
      "type": "string",
      "versions": "1+",
      "nullableVersions": "1+",
      "default": "null"
     }
    ]
   },
   {
    "name": "ClusterId",
    "type": "string",
    "nullableVersions": "2+",
    "versions": "2+",
    "default": "null"
   },
   {
    "name": "ControllerId",
    "type": "int32",
    "versions": "1+",
    "default": "-1"
   },
   {
    "name": "Topics",
    "type": "[]MetadataResponseTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "0+"
     },
     {
      "name": "Name",
      "type": "string",
      "versions": "0+",
      "nullableVersions": "12+"
     },
     {
      "name": "TopicId",
      "type": "uuid",
      "versions": "10+"
     },
     {
      "name": "IsInternal",
      "type": "bool",
      "versions": "1+",
      "default": "false"
     },
     {
      "name": "Partitions",
      "type": "[]MetadataResponsePartition",
      "versions": "0+",
      "fields": [
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "LeaderId",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "LeaderEpoch",
        "type": "int32",
        "versions": "7+",
        "default": "-1"
       },
       {
        "name": "ReplicaNodes",
        "type": "[]int32",
        "versions": "0+"
       },
       {
        "name": "IsrNodes",
        "type": "[]int32",
        "versions": "0+"
       },
       {
        "name": "OfflineReplicas",
        "type": "[]int32",
        "versions": "5+"
       }
      ]
     },
     {
      "name": "TopicAuthorizedOperations",
      "type": "int32",
      "versions": "8+",
      "default": "-2147483648"
     }
    ]
   },
   {
    "name": "ClusterAuthorizedOperations",
    "type": "int32",
    "versions": "8-10",
    "default": "-2147483648"
   }
  ]
 },
 {
  "apiKey": 8,
  "type": "request",
  "name": "OffsetCommitRequest",
  "validVersions": "0-9",
  "flexibleVersions": "8+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GenerationIdOrMemberEpoch",
    "type": "int32",
    "versions": "1+",
    "default": "-1"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "1+"
   },
   {
    "name": "GroupInstanceId",
    "type": "string",
    "versions": "7+",
    "nullableVersions": "7+",
    "default": "null"
   },
   {
    "name": "RetentionTimeMs",
    "type": "int64",
    "versions": "2-4",
    "default": "-1"
   },
   {
    "name": "Topics",
    "type": "[]OffsetCommitRequestTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]OffsetCommitRequestPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "CommittedOffset",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "CommittedLeaderEpoch",
        "type": "int32",
        "versions": "6+",
        "default": "-1"
       },
       {
        "name": "CommitTimestamp",
        "type": "int64",
        "versions": "1",
        "default": "-1"
       },
       {
        "name": "CommittedMetadata",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 8,
  "type": "response",
  "name": "OffsetCommitResponse",
  "validVersions": "0-9",
  "flexibleVersions": "8+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "3+"
   },
   {
    "name": "Topics",
    "type": "[]OffsetCommitResponseTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]OffsetCommitResponsePartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 9,
  "type": "request",
  "name": "OffsetFetchRequest",
  "validVersions": "0-9",
  "flexibleVersions": "6+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0-7"
   },
   {
    "name": "Topics",
    "type": "[]OffsetFetchRequestTopic",
    "versions": "0-7",
    "nullableVersions": "2-7",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0-7"
     },
     {
      "name": "PartitionIndexes",
      "type": "[]int32",
      "versions": "0-7"
     }
    ]
   },
   {
    "name": "Groups",
    "type": "[]OffsetFetchRequestGroup",
    "versions": "8+",
    "fields": [
     {
      "name": "GroupId",
      "type": "string",
      "versions": "8+"
     },
     {
      "name": "MemberId",
      "type": "string",
      "versions": "9+",
      "nullableVersions": "9+",
      "default": "null"
     },
     {
      "name": "MemberEpoch",
      "type": "int32",
      "versions": "9+",
      "default": "-1"
     },
     {
      "name": "Topics",
      "type": "[]OffsetFetchRequestTopics",
      "versions": "8+",
      "nullableVersions": "8+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "8+"
       },
       {
        "name": "PartitionIndexes",
        "type": "[]int32",
        "versions": "8+"
       }
      ]
     }
    ]
   },
   {
    "name": "RequireStable",
    "type": "bool",
    "versions": "7+",
    "default": "false"
   }
  ]
 },
 {
  "apiKey": 9,
  "type": "response",
  "name": "OffsetFetchResponse",
  "validVersions": "0-9",
  "flexibleVersions": "6+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "3+"
   },
   {
    "name": "Topics",
    "type": "[]OffsetFetchResponseTopic",
    "versions": "0-7",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0-7"
     },
     {
      "name": "Partitions",
      "type": "[]OffsetFetchResponsePartition",
      "versions": "0-7",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0-7"
       },
       {
        "name": "CommittedOffset",
        "type": "int64",
        "versions": "0-7"
       },
       {
        "name": "CommittedLeaderEpoch",
        "type": "int32",
        "versions": "5-7",
        "default": "-1"
       },
       {
        "name": "Metadata",
        "type": "string",
        "versions": "0-7",
        "nullableVersions": "0-7"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0-7"
       }
      ]
     }
    ]
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "2-7",
    "default": "0"
   },
   {
    "name": "Groups",
    "type": "[]OffsetFetchResponseGroup",
    "versions": "8+",
    "fields": [
     {
      "name": "GroupId",
      "type": "string",
      "versions": "8+"
     },
     {
      "name": "Topics",
      "type": "[]OffsetFetchResponseTopics",
      "versions": "8+",
      "fields": [
       {
        "name": "Name",
        "type": "string",
        "versions": "8+"
       },
       {
        "name": "Partitions",
        "type": "[]OffsetFetchResponsePartitions",
        "versions": "8+",
        "fields": [
         {
          "name": "PartitionIndex",
          "type": "int32",
          "versions": "8+"
         },
         {
          "name": "CommittedOffset",
          "type": "int64",
          "versions": "8+"
         },
         {
          "name": "CommittedLeaderEpoch",
          "type": "int32",
          "versions": "8+",
          "default": "-1"
         },
         {
          "name": "Metadata",
          "type": "string",
          "versions": "8+",
          "nullableVersions": "8+"
         },
         {
          "name": "ErrorCode",
          "type": "int16",
          "versions": "8+"
         }
        ]
       }
      ]
     },
     {
      "name": "ErrorCode",
      "type": "int16",
      "versions": "8+",
      "default": "0"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 23,
  "type": "request",
  "name": "OffsetForLeaderEpochRequest",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ReplicaId",
    "type": "int32",
    "versions": "3+",
    "default": -2
   },
   {
    "name": "Topics",
    "type": "[]OffsetForLeaderTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]OffsetForLeaderPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "Partition",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "CurrentLeaderEpoch",
        "type": "int32",
        "versions": "2+",
        "default": "-1"
       },
       {
        "name": "LeaderEpoch",
        "type": "int32",
        "versions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 23,
  "type": "response",
  "name": "OffsetForLeaderEpochResponse",
  "validVersions": "0-4",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "2+"
   },
   {
    "name": "Topics",
    "type": "[]OffsetForLeaderTopicResult",
    "versions": "0+",
    "fields": [
     {
      "name": "Topic",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]EpochEndOffset",
      "versions": "0+",
      "fields": [
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "Partition",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "LeaderEpoch",
        "type": "int32",
        "versions": "1+",
        "default": "-1"
       },
       {
        "name": "EndOffset",
        "type": "int64",
        "versions": "0+",
        "default": "-1"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 0,
  "type": "request",
  "name": "ProduceRequest",
  "validVersions": "0-11",
  "flexibleVersions": "9+",
  "fields": [
   {
    "name": "TransactionalId",
    "type": "string",
    "versions": "3+",
    "nullableVersions": "3+",
    "default": "null"
   },
   {
    "name": "Acks",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "TimeoutMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "TopicData",
    "type": "[]TopicProduceData",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "PartitionData",
      "type": "[]PartitionProduceData",
      "versions": "0+",
      "fields": [
       {
        "name": "Index",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "Records",
        "type": "records",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 0,
  "type": "response",
  "name": "ProduceResponse",
  "validVersions": "0-11",
  "flexibleVersions": "9+",
  "fields": [
   {
    "name": "Responses",
    "type": "[]TopicProduceResponse",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "PartitionResponses",
      "type": "[]PartitionProduceResponse",
      "versions": "0+",
      "fields": [
       {
        "name": "Index",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       },
       {
        "name": "BaseOffset",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "LogAppendTimeMs",
        "type": "int64",
        "versions": "2+",
        "default": "-1"
       },
       {
        "name": "LogStartOffset",
        "type": "int64",
        "versions": "5+",
        "default": "-1"
       },
       {
        "name": "RecordErrors",
        "type": "[]BatchIndexAndErrorMessage",
        "versions": "8+",
        "fields": [
         {
          "name": "BatchIndex",
          "type": "int32",
          "versions": "8+"
         },
         {
          "name": "BatchIndexErrorMessage",
          "type": "string",
          "default": "null",
          "versions": "8+",
          "nullableVersions": "8+"
         }
        ]
       },
       {
        "name": "ErrorMessage",
        "type": "string",
        "default": "null",
        "versions": "8+",
        "nullableVersions": "8+"
       },
       {
        "name": "CurrentLeader",
        "type": "LeaderIdAndEpoch",
        "versions": "10+",
        "taggedVersions": "10+",
        "tag": 0,
        "fields": [
         {
          "name": "LeaderId",
          "type": "int32",
          "versions": "10+",
          "default": "-1"
         },
         {
          "name": "LeaderEpoch",
          "type": "int32",
          "versions": "10+",
          "default": "-1"
         }
        ]
       }
      ]
     }
    ]
   },
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+",
    "default": "0"
   },
   {
    "name": "NodeEndpoints",
    "type": "[]NodeEndpoint",
    "versions": "10+",
    "taggedVersions": "10+",
    "tag": 0,
    "fields": [
     {
      "name": "NodeId",
      "type": "int32",
      "versions": "10+"
     },
     {
      "name": "Host",
      "type": "string",
      "versions": "10+"
     },
     {
      "name": "Port",
      "type": "int32",
      "versions": "10+"
     },
     {
      "name": "Rack",
      "type": "string",
      "versions": "10+",
      "nullableVersions": "10+",
      "default": "null"
     }
    ]
   }
  ]
 },
 {
  "type": "header",
  "name": "RequestHeader",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "RequestApiKey",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "RequestApiVersion",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "CorrelationId",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "ClientId",
    "type": "string",
    "versions": "1+",
    "nullableVersions": "1+",
    "flexibleVersions": "none"
   }
  ]
 },
 {
  "type": "header",
  "name": "ResponseHeader",
  "validVersions": "0-1",
  "flexibleVersions": "1+",
  "fields": [
   {
    "name": "CorrelationId",
    "type": "int32",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 36,
  "type": "request",
  "name": "SaslAuthenticateRequest",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "AuthBytes",
    "type": "bytes",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 36,
  "type": "response",
  "name": "SaslAuthenticateResponse",
  "validVersions": "0-2",
  "flexibleVersions": "2+",
  "fields": [
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ErrorMessage",
    "type": "string",
    "versions": "0+",
    "nullableVersions": "0+"
   },
   {
    "name": "AuthBytes",
    "type": "bytes",
    "versions": "0+"
   },
   {
    "name": "SessionLifetimeMs",
    "type": "int64",
    "versions": "1+",
    "default": "0"
   }
  ]
 },
 {
  "apiKey": 17,
  "type": "request",
  "name": "SaslHandshakeRequest",
  "validVersions": "0-1",
  "flexibleVersions": "none",
  "fields": [
   {
    "name": "Mechanism",
    "type": "string",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 17,
  "type": "response",
  "name": "SaslHandshakeResponse",
  "validVersions": "0-1",
  "flexibleVersions": "none",
  "fields": [
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "Mechanisms",
    "type": "[]string",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 14,
  "type": "request",
  "name": "SyncGroupRequest",
  "validVersions": "0-5",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GenerationId",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GroupInstanceId",
    "type": "string",
    "versions": "3+",
    "nullableVersions": "3+",
    "default": "null"
   },
   {
    "name": "ProtocolType",
    "type": "string",
    "versions": "5+",
    "nullableVersions": "5+",
    "default": "null"
   },
   {
    "name": "ProtocolName",
    "type": "string",
    "versions": "5+",
    "nullableVersions": "5+",
    "default": "null"
   },
   {
    "name": "Assignments",
    "type": "[]SyncGroupRequestAssignment",
    "versions": "0+",
    "fields": [
     {
      "name": "MemberId",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Assignment",
      "type": "bytes",
      "versions": "0+"
     }
    ]
   }
  ]
 },
 {
  "apiKey": 14,
  "type": "response",
  "name": "SyncGroupResponse",
  "validVersions": "0-5",
  "flexibleVersions": "4+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "1+"
   },
   {
    "name": "ErrorCode",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "ProtocolType",
    "type": "string",
    "versions": "5+",
    "nullableVersions": "5+",
    "default": "null"
   },
   {
    "name": "ProtocolName",
    "type": "string",
    "versions": "5+",
    "nullableVersions": "5+",
    "default": "null"
   },
   {
    "name": "Assignment",
    "type": "bytes",
    "versions": "0+"
   }
  ]
 },
 {
  "apiKey": 28,
  "type": "request",
  "name": "TxnOffsetCommitRequest",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "TransactionalId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "GroupId",
    "type": "string",
    "versions": "0+"
   },
   {
    "name": "ProducerId",
    "type": "int64",
    "versions": "0+"
   },
   {
    "name": "ProducerEpoch",
    "type": "int16",
    "versions": "0+"
   },
   {
    "name": "GenerationId",
    "type": "int32",
    "versions": "3+",
    "default": "-1"
   },
   {
    "name": "MemberId",
    "type": "string",
    "versions": "3+",
    "default": ""
   },
   {
    "name": "GroupInstanceId",
    "type": "string",
    "versions": "3+",
    "nullableVersions": "3+",
    "default": "null"
   },
   {
    "name": "Topics",
    "type": "[]TxnOffsetCommitRequestTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]TxnOffsetCommitRequestPartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "CommittedOffset",
        "type": "int64",
        "versions": "0+"
       },
       {
        "name": "CommittedLeaderEpoch",
        "type": "int32",
        "versions": "2+",
        "default": "-1"
       },
       {
        "name": "CommittedMetadata",
        "type": "string",
        "versions": "0+",
        "nullableVersions": "0+"
       }
      ]
     }
    ]
   }
  ]
 },
 {
  "apiKey": 28,
  "type": "response",
  "name": "TxnOffsetCommitResponse",
  "validVersions": "0-4",
  "flexibleVersions": "3+",
  "fields": [
   {
    "name": "ThrottleTimeMs",
    "type": "int32",
    "versions": "0+"
   },
   {
    "name": "Topics",
    "type": "[]TxnOffsetCommitResponseTopic",
    "versions": "0+",
    "fields": [
     {
      "name": "Name",
      "type": "string",
      "versions": "0+"
     },
     {
      "name": "Partitions",
      "type": "[]TxnOffsetCommitResponsePartition",
      "versions": "0+",
      "fields": [
       {
        "name": "PartitionIndex",
        "type": "int32",
        "versions": "0+"
       },
       {
        "name": "ErrorCode",
        "type": "int16",
        "versions": "0+"
       }
      ]
     }
    ]
   }
  ]
 }
];
