package io.nagare.infra.security;

import java.util.List;

import io.nagare.infra.PlatformEnvironment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The seed's security layer in the platform's Region (sections 3.2, 3.3): the KMS keys per data class, the Cognito
 * user pool with the partners' app clients, and the regional web ACL in front of Cognito's endpoints. (API Gateway
 * HTTP APIs cannot carry a web ACL; the API is reached through CloudFront, whose web ACL is in {@code EdgeFirewallStack}.)
 */
public final class SecurityStack extends Stack {

    /** Requests per client IP per five minutes, regional and at the edge. */
    public static final int REQUESTS_PER_5_MIN = 2_000;

    private final DataKeys keys;
    private final PartnerIdentity identity;
    private final WebFirewall firewall;

    public SecurityStack(Construct scope, String id, StackProps props, PlatformEnvironment environment,
                         PartnerIdentityProps identityProps, List<String> allowedCountries) {
        super(scope, id, props);
        keys = new DataKeys(this, "Keys", environment);
        identity = new PartnerIdentity(this, "Identity", identityProps);
        firewall = new WebFirewall(this, "RegionalFirewall", new WebFirewallProps("REGIONAL", allowedCountries,
                REQUESTS_PER_5_MIN, keys.logs(), environment.logRetention()));
        CfnWebACLAssociation.Builder.create(this, "UserPoolFirewall")
                .resourceArn(identity.userPool().getUserPoolArn())
                .webAclArn(firewall.webAclArn())
                .build();
    }

    public DataKeys keys() {
        return keys;
    }

    public PartnerIdentity identity() {
        return identity;
    }

    public WebFirewall firewall() {
        return firewall;
    }
}
