package io.nagare.platform.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Index;
import io.nagare.platform.model.TableDeclaration.Key;
import io.nagare.platform.model.TableDeclaration.Projection.ProjectionType;

/** DynamoDB's rules for keys, indexes, TTL, billing and replicas. */
final class TableRules {

    private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final int MAX_GLOBAL_INDEXES = 20;
    private static final int MAX_LOCAL_INDEXES = 5;
    private static final int MAX_PROJECTED_ATTRIBUTES = 100;

    private TableRules() {
    }

    static void check(PlatformModel model, Problems problems) {
        for (TableDeclaration table : model.tables()) {
            check(table, problems);
        }
    }

    private static void check(TableDeclaration table, Problems problems) {
        String kind = TableDeclaration.KIND;
        String name = table.name();
        // DynamoDB declares each key attribute once, with one type, whichever keys use it.
        Map<String, AttributeType> types = new LinkedHashMap<>();
        key(table, "partitionKey", table.partitionKey(), types, problems);
        key(table, "sortKey", table.sortKey(), types, problems);

        if (table.globalIndexes().size() > MAX_GLOBAL_INDEXES) {
            problems.add(kind, name, "globalIndexes", "has " + table.globalIndexes().size() + "; DynamoDB allows "
                    + MAX_GLOBAL_INDEXES);
        }
        if (table.localIndexes().size() > MAX_LOCAL_INDEXES) {
            problems.add(kind, name, "localIndexes", "has " + table.localIndexes().size() + "; DynamoDB allows "
                    + MAX_LOCAL_INDEXES);
        }
        if (!table.localIndexes().isEmpty() && table.sortKey() == null) {
            problems.add(kind, name, "localIndexes", "need a sort key on the table: a local index is another sort"
                    + " key for the table's partition key");
        }
        Set<String> indexNames = new HashSet<>();
        int projected = 0;
        for (Index index : table.globalIndexes()) {
            projected += index(table, "globalIndex '" + index.name() + "'", index, indexNames, types, problems);
        }
        for (Index index : table.localIndexes()) {
            String field = "localIndex '" + index.name() + "'";
            if (index.sortKey() == null) {
                problems.add(kind, name, field, "needs a sort key");
            }
            projected += index(table, field, index, indexNames, types, problems);
        }
        if (projected > MAX_PROJECTED_ATTRIBUTES) {
            problems.add(kind, name, "indexes", "project " + projected + " non-key attributes in all; DynamoDB allows "
                    + MAX_PROJECTED_ATTRIBUTES);
        }

        if (table.ttlAttribute() != null) {
            AttributeType keyType = types.get(table.ttlAttribute());
            if (table.ttlAttribute().isBlank()) {
                problems.add(kind, name, "ttlAttribute", "must name an attribute");
            } else if (keyType != null && keyType != AttributeType.N) {
                problems.add(kind, name, "ttlAttribute", "'" + table.ttlAttribute() + "' is a key of type " + keyType
                        + "; TTL reads a Number (epoch seconds)");
            }
        }
        TableDeclaration.Billing billing = table.billing();
        boolean provisioned = billing.mode() == TableDeclaration.Billing.Mode.PROVISIONED;
        if (provisioned && (billing.readCapacityUnits() < 1 || billing.writeCapacityUnits() < 1)) {
            problems.add(kind, name, "billing", "PROVISIONED needs at least 1 read and 1 write capacity unit; got "
                    + billing.readCapacityUnits() + " and " + billing.writeCapacityUnits());
        } else if (!provisioned && (billing.readCapacityUnits() != 0 || billing.writeCapacityUnits() != 0)) {
            problems.add(kind, name, "billing", "PAY_PER_REQUEST takes no capacity units");
        }
        for (String region : table.replicaRegions()) {
            if (!REGION.matcher(region).matches()) {
                problems.add(kind, name, "replicaRegions", "'" + region + "' is not an AWS region name such as"
                        + " ap-northeast-3");
            }
        }
    }

    /** Checks one index and returns how many non-key attributes it projects. */
    private static int index(TableDeclaration table, String field, Index index, Set<String> indexNames,
            Map<String, AttributeType> types, Problems problems) {
        String kind = TableDeclaration.KIND;
        if (index.name() == null || !INDEX_NAME.matcher(index.name()).matches()) {
            problems.add(kind, table.name(), field, "name must be 3-255 letters, digits, '_', '-' or '.'");
        } else if (!indexNames.add(index.name())) {
            problems.add(kind, table.name(), field, "name is used by another index of the table");
        }
        if (index.partitionKey() == null) {
            problems.add(kind, table.name(), field, "needs a partition key");
        }
        key(table, field + " partitionKey", index.partitionKey(), types, problems);
        key(table, field + " sortKey", index.sortKey(), types, problems);
        TableDeclaration.Projection projection = index.projection();
        if (projection.type() == ProjectionType.INCLUDE && projection.nonKeyAttributes().isEmpty()) {
            problems.add(kind, table.name(), field, "projection INCLUDE names no attribute; use KEYS_ONLY or name"
                    + " the attributes");
        } else if (projection.type() != ProjectionType.INCLUDE && !projection.nonKeyAttributes().isEmpty()) {
            problems.add(kind, table.name(), field, "projection " + projection.type() + " takes no attribute list;"
                    + " use INCLUDE");
        }
        return projection.nonKeyAttributes().size();
    }

    private static void key(TableDeclaration table, String field, Key key, Map<String, AttributeType> types,
            Problems problems) {
        if (key == null) {
            return;
        }
        if (key.name().length() > 255) {
            problems.add(TableDeclaration.KIND, table.name(), field, "attribute name is longer than 255 characters");
        }
        AttributeType declared = types.putIfAbsent(key.name(), key.type());
        if (declared != null && declared != key.type()) {
            problems.add(TableDeclaration.KIND, table.name(), field, "declares attribute '" + key.name() + "' as "
                    + key.type() + ", another key declares it as " + declared + "; an attribute has one type");
        }
    }
}
