package io.nagare.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One DynamoDB API operation: reads its request, does it, and shapes DynamoDB's response. */
interface Operation {

    JsonNode invoke(ObjectNode input);
}
