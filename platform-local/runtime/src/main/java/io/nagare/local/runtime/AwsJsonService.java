package io.nagare.local.runtime;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service on the AWS JSON protocol (1.0 or 1.1): {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}
 * and a JSON body. Subclasses implement {@link #invoke}; this class parses, dispatches and shapes errors as AWS
 * does, so a malformed request gets a 400 with AWS's error type, never a 500.
 */
public abstract class AwsJsonService implements LocalService {

    /** Numbers keep their exact decimal value: amounts and DynamoDB numbers must never pass through double. */
    protected static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String targetPrefix;
    private final String contentType;
    private final String errorTypePrefix;

    /**
     * @param targetPrefix    the part of {@code X-Amz-Target} before the dot, e.g. {@code AWSStepFunctions}
     * @param jsonVersion     {@code 1.0} or {@code 1.1}
     * @param errorTypePrefix what AWS puts before {@code #} in {@code __type} (may be empty for none)
     */
    protected AwsJsonService(String targetPrefix, String jsonVersion, String errorTypePrefix) {
        this.targetPrefix = targetPrefix + ".";
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.errorTypePrefix = errorTypePrefix.isEmpty() ? "" : errorTypePrefix + "#";
    }

    /** Serves one operation; throws {@link AwsServiceException} for AWS-shaped errors. */
    protected abstract JsonNode invoke(String operation, ObjectNode input);

    @Override
    public boolean handles(LocalRequest request) {
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith(targetPrefix);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        String operation = request.header("X-Amz-Target").substring(targetPrefix.length());
        try {
            ObjectNode input = parse(request.body());
            JsonNode output = invoke(operation, input);
            return LocalResponse.of(200, contentType, JSON.writeValueAsBytes(output == null ? JSON.createObjectNode() : output));
        } catch (AwsServiceException e) {
            return error(e);
        } catch (JsonProcessingException e) {
            return error(new AwsServiceException("InternalFailure", "cannot write response: " + e.getMessage(), 500));
        }
    }

    /** The error response for {@code e}, in this protocol's shape. */
    protected LocalResponse error(AwsServiceException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", errorTypePrefix + e.errorCode());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        try {
            return LocalResponse.of(e.httpStatus(), contentType, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AwsServiceException("SerializationException", "request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsServiceException("SerializationException", "cannot read request body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new AwsServiceException("SerializationException",
                    "request body must be a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }
}
