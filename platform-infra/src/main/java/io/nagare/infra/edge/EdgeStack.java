package io.nagare.infra.edge;

import java.util.List;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.infra.data.SecureBucket;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.GeoRestriction;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SSLMethod;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The seed's edge (sections 2.1, 3.1, 5.2): one CloudFront distribution in front of the partner HTTP API
 * ({@value #API_PATH}) and the monitoring UI bucket (everything else), HTTPS only with TLS 1.2 or newer on the
 * environment's own domain, behind the CLOUDFRONT-scoped web ACL of {@link EdgeFirewallStack}, geo-restricted like
 * the web ACL, and logging every request to the access log bucket. The UI bucket is private and reached through an
 * origin access control; its objects are encrypted with a key of this stack, whose policy lets this distribution
 * (and only CloudFront in this account) decrypt them.
 *
 * <p>The certificate and domain are stack parameters ({@value #CERTIFICATE_PARAMETER}, {@value #DOMAIN_PARAMETER}):
 * CloudFront only takes ACM certificates from {@code us-east-1}, issued for a domain the deployment owns. Their
 * defaults come from the CDK context ({@code nagare:<env>:certificateArn}, {@code nagare:<env>:domainName}), which is
 * how the pipeline, which cannot pass CloudFormation parameters, supplies them.
 */
public final class EdgeStack extends Stack {

    public static final String API_PATH = "/v1/*";
    public static final String CERTIFICATE_PARAMETER = "EdgeCertificateArn";
    public static final String DOMAIN_PARAMETER = "EdgeDomainName";

    private final Distribution distribution;
    private final SecureBucket uiBucket;

    public EdgeStack(Construct scope, String id, StackProps props, EdgeStackProps edge) {
        super(scope, id, props);
        PlatformEnvironment environment = edge.environment();
        CfnParameter certificateArn = CfnParameter.Builder.create(this, CERTIFICATE_PARAMETER)
                .type("String")
                .description("ARN of the ACM certificate (in us-east-1) for the " + environment.id()
                        + " domain name")
                .allowedPattern("arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+")
                .defaultValue(edge.certificateArn())
                .build();
        CfnParameter domainName = CfnParameter.Builder.create(this, DOMAIN_PARAMETER)
                .type("String")
                .description("Domain name the distribution serves (covered by the certificate)")
                .allowedPattern("[a-z0-9.-]+")
                .defaultValue(edge.domainName())
                .build();

        Key contentKey = Key.Builder.create(this, "UiContentKey")
                .description("Nagare monitoring UI content (" + environment.id() + "), readable by CloudFront")
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .pendingWindow(Duration.days(30))
                .removalPolicy(environment.dataRemovalPolicy())
                .build();
        uiBucket = new SecureBucket(this, "MonitoringUi", contentKey, edge.accessLogs(),
                environment.dataRemovalPolicy());
        NagAcknowledgement.of(uiBucket.bucket(), "The monitoring UI is static content built from the repository; "
                        + "a lost Region is recovered by redeploying it, not from a replica.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");

        String apiDomain = Fn.select(2, Fn.split("/", edge.api().getApiEndpoint()));
        BehaviorOptions api = BehaviorOptions.builder()
                .origin(HttpOrigin.Builder.create(apiDomain)
                        .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                        .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                        .build())
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                // Partner calls are never cached; the API sees the caller's headers (its JWT) but its own host.
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                .build();
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Nagare " + environment.id() + ": partner API and monitoring UI")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(uiBucket.bucket()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .build())
                .additionalBehaviors(java.util.Map.of(API_PATH, api))
                .defaultRootObject("index.html")
                .certificate(Certificate.fromCertificateArn(this, "Certificate", certificateArn.getValueAsString()))
                .domainNames(List.of(domainName.getValueAsString()))
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .sslSupportMethod(SSLMethod.SNI)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_200)
                .geoRestriction(GeoRestriction.allowlist(edge.allowedCountries().toArray(String[]::new)))
                .webAclId(edge.webAclArn())
                .enableLogging(true)
                .logBucket(edge.accessLogs())
                .logFilePrefix("cloudfront/")
                .build();
    }

    public Distribution distribution() {
        return distribution;
    }

    public IBucket uiBucket() {
        return uiBucket.bucket();
    }

    /**
     * What the edge is built from.
     *
     * @param environment      the deployment
     * @param api              the partner HTTP API (origin of {@value EdgeStack#API_PATH})
     * @param accessLogs       the access log bucket (CloudFront standard logs, the UI bucket's access logs)
     * @param webAclArn        the CLOUDFRONT-scoped web ACL, from {@link EdgeFirewallStack}
     * @param allowedCountries countries viewers may come from
     * @param certificateArn   default of the certificate parameter, or {@code null} to require it at deployment
     * @param domainName       default of the domain parameter, or {@code null} to require it at deployment
     */
    public record EdgeStackProps(PlatformEnvironment environment, IHttpApi api, IBucket accessLogs, String webAclArn,
                                 List<String> allowedCountries, String certificateArn, String domainName) {
    }
}
