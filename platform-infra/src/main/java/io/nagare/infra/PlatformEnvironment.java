package io.nagare.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The three deployments of the platform. They differ only where cost and safety differ: NAT gateways, deletion
 * protection, table replicas, instance sizes and how long logs are kept.
 */
public enum PlatformEnvironment {
    DEV(1, false, false, "t4g.medium", "cache.t4g.small", RetentionDays.ONE_MONTH, 1, 1_000),
    STAGING(1, false, true, "t4g.large", "cache.t4g.medium", RetentionDays.THREE_MONTHS, 2, 3_000),
    PROD(2, true, true, "r7g.large", "cache.r7g.large", RetentionDays.ONE_YEAR, 2, 10_000);

    /** The seed's region: Tokyo. */
    public static final String REGION = "ap-northeast-1";
    /** Where global tables keep their replica and the data keys their replicas: Osaka. */
    public static final String REPLICA_REGION = "ap-northeast-3";

    private final int natGateways;
    private final boolean deletionProtection;
    private final boolean replicas;
    private final String databaseInstanceClass;
    private final String cacheNodeType;
    private final RetentionDays logRetention;
    private final int fargateTasks;
    private final int monthlyBudgetUsd;

    PlatformEnvironment(int natGateways, boolean deletionProtection, boolean replicas,
                        String databaseInstanceClass, String cacheNodeType, RetentionDays logRetention,
                        int fargateTasks, int monthlyBudgetUsd) {
        this.natGateways = natGateways;
        this.deletionProtection = deletionProtection;
        this.replicas = replicas;
        this.databaseInstanceClass = databaseInstanceClass;
        this.cacheNodeType = cacheNodeType;
        this.logRetention = logRetention;
        this.fargateTasks = fargateTasks;
        this.monthlyBudgetUsd = monthlyBudgetUsd;
    }

    /** {@code dev}, {@code staging} or {@code prod}, case-insensitively. */
    public static PlatformEnvironment parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown environment '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(PlatformEnvironment::id).collect(Collectors.joining(", ")), e);
        }
    }

    /** {@code dev}, {@code staging}, {@code prod}: in stack names and tags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code Dev}, {@code Staging}, {@code Prod}: the prefix of stack names. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** One NAT gateway per AZ in prod, so losing an AZ does not cut the other off; one elsewhere. */
    public int natGateways() {
        return natGateways;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    /**
     * Whether the environment keeps copies in {@link #REPLICA_REGION}: global tables' replicas, the replica of the
     * business data key and the data lake's cross-Region replication (its recovery Region stack).
     */
    public boolean replicas() {
        return replicas;
    }

    public String databaseInstanceClass() {
        return databaseInstanceClass;
    }

    public String cacheNodeType() {
        return cacheNodeType;
    }

    public RetentionDays logRetention() {
        return logRetention;
    }

    public int fargateTasks() {
        return fargateTasks;
    }

    /** The monthly cost budget; alerts at 80 % actual and 100 % forecast. */
    public int monthlyBudgetUsd() {
        return monthlyBudgetUsd;
    }

    /** Data outlives a deleted stack where it matters; dev data may go with its stack. */
    public RemovalPolicy dataRemovalPolicy() {
        return this == DEV ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    }
}
