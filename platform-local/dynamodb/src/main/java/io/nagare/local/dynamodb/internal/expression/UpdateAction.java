package io.nagare.local.dynamodb.internal.expression;

/** One action of an update expression, in the section it belongs to. */
public sealed interface UpdateAction {

    DocumentPath path();

    record Set(DocumentPath path, Operand value) implements UpdateAction {
    }

    record Remove(DocumentPath path) implements UpdateAction {
    }

    record Add(DocumentPath path, Operand.Value value) implements UpdateAction {
    }

    record Delete(DocumentPath path, Operand.Value value) implements UpdateAction {
    }
}
