package io.nagare.infra.data;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.platform.model.TableDeclaration;
import io.nagare.platform.model.TableDeclaration.Index;
import io.nagare.platform.model.TableDeclaration.Key;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.AutoscaledCapacityOptions;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.Capacity;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TablePropsV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * Every table of the model as a DynamoDB global table (TableV2): keys, indexes, TTL and stream as declared, encrypted
 * with the business data key (its replica in each replica Region), point-in-time recovery on (the seed's RPO of five
 * minutes), deletion protection where the environment asks for it. Replicas are created where the model declares
 * them, in environments that keep replicas.
 */
public final class ModelTables extends Construct {

    /** Provisioned tables scale writes up to this multiple of the declared capacity. */
    static final int WRITE_AUTOSCALING_FACTOR = 10;

    private final Map<String, TableV2> tables = new TreeMap<>();

    public ModelTables(Construct scope, String id, ModelTablesProps props) {
        super(scope, id);
        PlatformEnvironment environment = props.environment();
        for (TableDeclaration declaration : props.tables()) {
            List<String> replicaRegions = environment.replicas()
                    ? List.copyOf(declaration.replicaRegions()) : List.of();
            Map<String, String> replicaKeys = new TreeMap<>();
            replicaRegions.forEach(region -> replicaKeys.put(region, props.replicaKeyArn().apply(region)));

            TablePropsV2.Builder table = TablePropsV2.builder()
                    .tableName(props.namePrefix() + declaration.name())
                    .partitionKey(attribute(declaration.partitionKey()))
                    .billing(billing(declaration.billing()))
                    .encryption(TableEncryptionV2.customerManagedKey(props.key(), replicaKeys))
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true).build())
                    .deletionProtection(environment.deletionProtection())
                    .removalPolicy(environment.dataRemovalPolicy())
                    .replicas(replicaRegions.stream()
                            .map(region -> ReplicaTableProps.builder().region(region).build()).toList())
                    .globalSecondaryIndexes(declaration.globalIndexes().stream().map(ModelTables::globalIndex)
                            .toList())
                    .localSecondaryIndexes(declaration.localIndexes().stream().map(ModelTables::localIndex)
                            .toList());
            if (declaration.sortKey() != null) {
                table.sortKey(attribute(declaration.sortKey()));
            }
            if (declaration.ttlAttribute() != null) {
                table.timeToLiveAttribute(declaration.ttlAttribute());
            }
            if (declaration.stream() != null) {
                table.dynamoStream(StreamViewType.valueOf(declaration.stream().name()));
            }
            tables.put(declaration.name(), new TableV2(this, declaration.name(), table.build()));
        }
    }

    /** The table of each declared table, by declared name. */
    public Map<String, ITableV2> tables() {
        return Collections.unmodifiableMap(tables);
    }

    private static Billing billing(TableDeclaration.Billing billing) {
        if (billing.mode() == TableDeclaration.Billing.Mode.PAY_PER_REQUEST) {
            return Billing.onDemand();
        }
        // TableV2 provisions writes only with autoscaling; the declared units are the floor.
        return Billing.provisioned(software.amazon.awscdk.services.dynamodb.ThroughputProps.builder()
                .readCapacity(Capacity.fixed(billing.readCapacityUnits()))
                .writeCapacity(Capacity.autoscaled(AutoscaledCapacityOptions.builder()
                        .minCapacity(billing.writeCapacityUnits())
                        .maxCapacity(billing.writeCapacityUnits() * WRITE_AUTOSCALING_FACTOR)
                        .build()))
                .build());
    }

    private static GlobalSecondaryIndexPropsV2 globalIndex(Index index) {
        GlobalSecondaryIndexPropsV2.Builder builder = GlobalSecondaryIndexPropsV2.builder()
                .indexName(index.name())
                .partitionKey(attribute(index.partitionKey()))
                .projectionType(ProjectionType.valueOf(index.projection().type().name()));
        if (index.sortKey() != null) {
            builder.sortKey(attribute(index.sortKey()));
        }
        if (!index.projection().nonKeyAttributes().isEmpty()) {
            builder.nonKeyAttributes(List.copyOf(index.projection().nonKeyAttributes()));
        }
        return builder.build();
    }

    private static LocalSecondaryIndexProps localIndex(Index index) {
        LocalSecondaryIndexProps.Builder builder = LocalSecondaryIndexProps.builder()
                .indexName(index.name())
                .sortKey(attribute(index.sortKey()))
                .projectionType(ProjectionType.valueOf(index.projection().type().name()));
        if (!index.projection().nonKeyAttributes().isEmpty()) {
            builder.nonKeyAttributes(List.copyOf(index.projection().nonKeyAttributes()));
        }
        return builder.build();
    }

    private static Attribute attribute(Key key) {
        AttributeType type = switch (key.type()) {
            case S -> AttributeType.STRING;
            case N -> AttributeType.NUMBER;
            case B -> AttributeType.BINARY;
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }
}
