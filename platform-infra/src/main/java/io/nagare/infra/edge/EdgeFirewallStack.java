package io.nagare.infra.edge;

import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.security.SecurityStack;
import io.nagare.infra.security.WebFirewall;
import io.nagare.infra.security.WebFirewallProps;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The web firewall at the edge (seed section 3.2): a WAFv2 web ACL of scope CLOUDFRONT, which AWS only accepts in
 * {@code us-east-1}, with the same protections as the regional one, and its request log encrypted by a key of its own
 * (a log group can only use a key of its Region). {@link EdgeStack} attaches it to the distribution through a CDK
 * cross-Region reference ({@code crossRegionReferences}): CDK writes the ACL's ARN to an SSM parameter in the
 * distribution's Region and reads it there, so nobody copies ARNs between deployments.
 */
public final class EdgeFirewallStack extends Stack {

    /** The only Region where CloudFront's web ACLs and certificates can live. */
    public static final String REGION = "us-east-1";

    private final WebFirewall firewall;

    public EdgeFirewallStack(Construct scope, String id, StackProps props, PlatformEnvironment environment,
                             List<String> allowedCountries) {
        super(scope, id, props);
        Key logsKey = Key.Builder.create(this, "RequestLogKey")
                .description("Nagare edge firewall request log (" + environment.id() + ")")
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .pendingWindow(Duration.days(30))
                .removalPolicy(environment.dataRemovalPolicy())
                .build();
        logsKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("logs." + REGION + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + Aws.PARTITION + ":logs:" + REGION + ":" + Aws.ACCOUNT_ID + ":*")))
                .build());
        firewall = new WebFirewall(this, "EdgeFirewall", new WebFirewallProps("CLOUDFRONT", allowedCountries,
                SecurityStack.REQUESTS_PER_5_MIN, logsKey, environment.logRetention()));
    }

    /** The ARN of the CLOUDFRONT-scoped web ACL (CloudFront's {@code WebACLId} takes the ARN for WAFv2). */
    public String webAclArn() {
        return firewall.webAclArn();
    }
}
