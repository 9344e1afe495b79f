package io.nagare.infra.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the pipeline takes the repository from: a CodeConnections (formerly CodeStar Connections) connection, the
 * repository as the connection's provider names it, and the branch that deploys. Nothing is looked up: the account the
 * pipeline lives in is the connection's.
 *
 * @param connectionArn {@code arn:aws:codeconnections:<region>:<account>:connection/<id>} (or
 *                      {@code codestar-connections})
 * @param repository    {@code owner/name}
 * @param branch        the branch that deploys
 */
public record PipelineSource(String connectionArn, String repository, String branch) {

    static final Pattern CONNECTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:(codeconnections|codestar-connections):([a-z0-9-]+):([0-9]{12}):connection/[0-9a-f-]+");
    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    public PipelineSource {
        if (connectionArn == null || !CONNECTION_ARN.matcher(connectionArn).matches()) {
            throw new IllegalArgumentException("pipeline source: connection ARN '" + connectionArn + "' is not a "
                    + "CodeConnections connection ARN; expected arn:aws:codeconnections:<region>:<account>:"
                    + "connection/<id>");
        }
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("pipeline source: repository '" + repository + "' is not "
                    + "owner/name");
        }
        if (branch == null || branch.isBlank()) {
            throw new IllegalArgumentException("pipeline source: the branch is empty");
        }
    }

    /** The account of the connection, which is the account the pipeline and the platform deploy to. */
    public String account() {
        Matcher matcher = CONNECTION_ARN.matcher(connectionArn);
        if (!matcher.matches()) {
            throw new IllegalStateException("unreachable: validated in the constructor");
        }
        return matcher.group(3);
    }
}
