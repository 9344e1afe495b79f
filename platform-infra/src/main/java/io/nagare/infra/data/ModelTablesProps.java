package io.nagare.infra.data;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.platform.model.TableDeclaration;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What {@link ModelTables} builds.
 *
 * @param environment   the deployment
 * @param tables        the model's tables
 * @param namePrefix    put before each declared name to make the physical table name ({@code nagare-dev-})
 * @param key           the business data key
 * @param replicaKeyArn the ARN of the business data key's replica in a Region
 */
public record ModelTablesProps(PlatformEnvironment environment, List<TableDeclaration> tables, String namePrefix,
                               IKey key, UnaryOperator<String> replicaKeyArn) {

    public ModelTablesProps {
        Objects.requireNonNull(environment, "environment");
        tables = List.copyOf(tables);
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(replicaKeyArn, "replicaKeyArn");
    }
}
