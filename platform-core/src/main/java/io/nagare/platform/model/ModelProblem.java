package io.nagare.platform.model;

/**
 * One thing wrong with the platform model, naming the declaration and the field:
 * {@code subscription 'order-placed-to-saga': target saga 'order-fulfilment' is not declared; declared sagas: [...]}.
 *
 * @param kind    the kind of declaration: function, subscription, saga, table, queue, bus or route
 * @param name    its name (a route's is {@code METHOD /path})
 * @param field   the field that is wrong, as the declaration's builder names it
 * @param problem what is wrong with it and what is accepted instead
 */
public record ModelProblem(String kind, String name, String field, String problem) {

    @Override
    public String toString() {
        return kind + " '" + name + "': " + field + " " + problem;
    }
}
