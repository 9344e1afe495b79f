package io.nagare.local.dynamodb;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** Reads a StreamSpecification: the view type when enabled, null when not. */
final class StreamSpecifications {

    static final List<String> VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private StreamSpecifications() {
    }

    static String viewType(JsonNode specification) {
        if (specification == null || specification.isNull() || !specification.path("StreamEnabled").asBoolean(false)) {
            return null;
        }
        String viewType = Requests.text(specification, "StreamViewType");
        if (viewType == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: "
                    + "StreamViewType is required when StreamEnabled is true");
        }
        if (!VIEW_TYPES.contains(viewType)) {
            throw Requests.validationErrors("Value '" + viewType + "' at 'streamSpecification.streamViewType' failed "
                    + "to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, "
                    + "NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        return viewType;
    }
}
