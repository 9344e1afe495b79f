package io.nagare.local.dynamodb.internal.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.Binary;
import io.nagare.local.dynamodb.internal.item.Numbers;

/**
 * A parsed UpdateExpression. {@link #apply} evaluates every right-hand side against the item as it was, then makes
 * the changes: SET, REMOVE (list elements by their original indexes), ADD to numbers and sets, DELETE from sets.
 */
public final class UpdateExpression {

    private final List<UpdateAction> actions;

    UpdateExpression(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
    }

    public List<UpdateAction> actions() {
        return actions;
    }

    /** The paths the expression changes, for ReturnValues UPDATED_OLD / UPDATED_NEW. */
    public List<DocumentPath> targets() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /** The item after the update (a new map; {@code item} is not changed). */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                setValues.add(Operand.UpdateErrors.required(set.value().evaluate(item)));
            }
        }
        int next = 0;
        List<UpdateAction.Remove> removals = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                AttributeValue value = setValues.get(next++);
                DocumentEditor.edit(result, set.path(), current -> value);
            } else if (action instanceof UpdateAction.Remove remove) {
                removals.add(remove);
            } else if (action instanceof UpdateAction.Add add) {
                DocumentEditor.edit(result, add.path(), current -> add(current, add.value().value()));
            } else if (action instanceof UpdateAction.Delete delete) {
                DocumentEditor.edit(result, delete.path(), current -> delete(current, delete.value().value()));
            }
        }
        removals.sort(Comparator.comparing(UpdateAction.Remove::path, UpdateExpression::laterIndexFirst));
        for (UpdateAction.Remove removal : removals) {
            removeIfPresent(result, removal.path());
        }
        return result;
    }

    private static void removeIfPresent(Map<String, AttributeValue> item, DocumentPath path) {
        if (path.isTopLevel()) {
            item.remove(path.head());
            return;
        }
        List<DocumentPath.Element> elements = path.elements();
        DocumentPath parent = new DocumentPath(elements.subList(0, elements.size() - 1));
        AttributeValue container = parent.resolve(item);
        if (container == null) {
            throw DocumentEditor.invalidPath();
        }
        if (DocumentPath.step(container, elements.get(elements.size() - 1)) != null) {
            DocumentEditor.edit(item, path, current -> null);
        }
    }

    /** Orders removals so that, within one list, higher indexes go first and earlier indexes stay valid. */
    private static int laterIndexFirst(DocumentPath a, DocumentPath b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < common; i++) {
            DocumentPath.Element x = a.elements().get(i);
            DocumentPath.Element y = b.elements().get(i);
            if (x instanceof DocumentPath.Index ix && y instanceof DocumentPath.Index iy && ix.index() != iy.index()) {
                return Integer.compare(iy.index(), ix.index());
            }
        }
        return 0;
    }

    private static AttributeValue add(AttributeValue current, AttributeValue value) {
        if (current == null) {
            return value;
        }
        if (current instanceof AttributeValue.N a && value instanceof AttributeValue.N b) {
            return AttributeValue.number(Numbers.checked(a.value().add(b.value())));
        }
        if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            Set<String> union = new LinkedHashSet<>(a.values());
            union.addAll(b.values());
            return new AttributeValue.SS(union);
        }
        if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            Set<BigDecimal> union = new LinkedHashSet<>(a.values());
            union.addAll(b.values());
            return new AttributeValue.NS(union);
        }
        if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            Set<Binary> union = new LinkedHashSet<>(a.values());
            union.addAll(b.values());
            return new AttributeValue.BS(union);
        }
        throw Operand.UpdateErrors.incorrectType();
    }

    private static AttributeValue delete(AttributeValue current, AttributeValue value) {
        if (current == null) {
            return null;
        }
        if (current instanceof AttributeValue.SS a && value instanceof AttributeValue.SS b) {
            Set<String> rest = new LinkedHashSet<>(a.values());
            rest.removeAll(b.values());
            return rest.isEmpty() ? null : new AttributeValue.SS(rest);
        }
        if (current instanceof AttributeValue.NS a && value instanceof AttributeValue.NS b) {
            Set<BigDecimal> rest = new LinkedHashSet<>(a.values());
            rest.removeAll(b.values());
            return rest.isEmpty() ? null : new AttributeValue.NS(rest);
        }
        if (current instanceof AttributeValue.BS a && value instanceof AttributeValue.BS b) {
            Set<Binary> rest = new LinkedHashSet<>(a.values());
            rest.removeAll(b.values());
            return rest.isEmpty() ? null : new AttributeValue.BS(rest);
        }
        throw Operand.UpdateErrors.incorrectType();
    }
}
