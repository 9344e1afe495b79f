package io.nagare.infra.compute;

import java.util.Objects;

import io.nagare.infra.ResourceNames;
import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;

/**
 * What {@link ModelFunction} builds a function from.
 *
 * @param declaration   the function of the model
 * @param code          its deployment package
 * @param names         physical names of the environment
 * @param resources     the resources of the model it may use
 * @param vpc           the platform VPC (the function runs in its application subnets)
 * @param securityGroup the application security group
 * @param logsKey       the key encrypting its log group
 */
public record ModelFunctionProps(FunctionDeclaration declaration, Code code, ResourceNames names,
                                 ModelResources resources, IVpc vpc, ISecurityGroup securityGroup, IKey logsKey) {

    public ModelFunctionProps {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(securityGroup, "securityGroup");
        Objects.requireNonNull(logsKey, "logsKey");
    }
}
