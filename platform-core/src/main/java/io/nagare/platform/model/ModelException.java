package io.nagare.platform.model;

import java.util.List;
import java.util.stream.Collectors;

/** The platform model is not valid; {@link #problems()} lists every problem, each naming declaration and field. */
public class ModelException extends RuntimeException {

    private final List<ModelProblem> problems;

    public ModelException(List<ModelProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in the platform model:"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    ModelException(List<ModelProblem> problems, Throwable cause) {
        this(problems);
        initCause(cause);
    }

    ModelException(String kind, String name, String field, String problem) {
        this(List.of(new ModelProblem(kind, name, field, problem)));
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
