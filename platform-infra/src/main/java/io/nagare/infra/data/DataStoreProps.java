package io.nagare.infra.data;

import java.util.Objects;

import io.nagare.infra.PlatformEnvironment;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Where a data store of the seed's runs: the environment (sizes, protection), the VPC and the business data key.
 *
 * @param environment the deployment
 * @param vpc         the platform VPC
 * @param key         the business data key
 */
public record DataStoreProps(PlatformEnvironment environment, IVpc vpc, IKey key) {

    public DataStoreProps {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(key, "key");
    }
}
