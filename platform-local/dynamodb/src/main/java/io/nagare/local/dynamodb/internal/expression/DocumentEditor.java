package io.nagare.local.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/**
 * Changes one document path of an item, rebuilding the containers on the way (values are immutable). A parent that
 * is missing or of the wrong type makes the path invalid for update, as in DynamoDB.
 */
final class DocumentEditor {

    private DocumentEditor() {
    }

    /**
     * Replaces the value at {@code path} with {@code change.apply(current)} (current may be null); a null result
     * removes it. A list index past the end appends when setting.
     */
    static void edit(Map<String, AttributeValue> item, DocumentPath path, UnaryOperator<AttributeValue> change) {
        List<DocumentPath.Element> elements = path.elements();
        String head = path.head();
        if (elements.size() == 1) {
            AttributeValue result = change.apply(item.get(head));
            if (result == null) {
                item.remove(head);
            } else {
                item.put(head, result);
            }
            return;
        }
        AttributeValue top = item.get(head);
        if (top == null) {
            throw invalidPath();
        }
        item.put(head, editWithin(top, elements, 1, change));
    }

    private static AttributeValue editWithin(AttributeValue container, List<DocumentPath.Element> elements, int at,
                                             UnaryOperator<AttributeValue> change) {
        DocumentPath.Element element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof DocumentPath.Name name && container instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.values());
            AttributeValue current = copy.get(name.name());
            AttributeValue result;
            if (last) {
                result = change.apply(current);
            } else if (current == null) {
                throw invalidPath();
            } else {
                result = editWithin(current, elements, at + 1, change);
            }
            if (result == null) {
                copy.remove(name.name());
            } else {
                copy.put(name.name(), result);
            }
            return new AttributeValue.M(copy);
        }
        if (element instanceof DocumentPath.Index index && container instanceof AttributeValue.L list) {
            List<AttributeValue> copy = new ArrayList<>(list.values());
            int i = index.index();
            AttributeValue current = i < copy.size() ? copy.get(i) : null;
            AttributeValue result;
            if (last) {
                result = change.apply(current);
            } else if (current == null) {
                throw invalidPath();
            } else {
                result = editWithin(current, elements, at + 1, change);
            }
            if (i < copy.size()) {
                if (result == null) {
                    copy.remove(i);
                } else {
                    copy.set(i, result);
                }
            } else if (result != null) {
                copy.add(result);
            }
            return new AttributeValue.L(copy);
        }
        throw invalidPath();
    }

    static RuntimeException invalidPath() {
        return DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
    }
}
