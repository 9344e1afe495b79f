package io.nagare.infra.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * A WAFv2 web ACL with the seed's protections (section 3.2): AWS managed rules against the OWASP Top 10 (common rule
 * set, known bad inputs, SQL injection), the Amazon IP reputation list, a per-IP rate limit and a geographic
 * restriction; every request is logged.
 */
public final class WebFirewall extends Construct {

    static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet",
            "AWSManagedRulesAmazonIpReputationList");

    private final CfnWebACL webAcl;

    public WebFirewall(Construct scope, String id, WebFirewallProps props) {
        super(scope, id);
        List<Object> rules = new ArrayList<>();
        int priority = 0;
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("GeoRestriction")
                .priority(priority++)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .notStatement(CfnWebACL.NotStatementProperty.builder()
                                .statement(CfnWebACL.StatementProperty.builder()
                                        .geoMatchStatement(CfnWebACL.GeoMatchStatementProperty.builder()
                                                .countryCodes(props.allowedCountries()).build())
                                        .build())
                                .build())
                        .build())
                .visibilityConfig(visibility("GeoRestriction"))
                .build());
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("RateLimitPerIp")
                .priority(priority++)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(props.requestsPer5Min())
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerIp"))
                .build());
        for (String group : MANAGED_RULE_GROUPS) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope(props.scope())
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .rules(rules)
                .visibilityConfig(visibility(id))
                .build();

        // WAF only logs to log groups whose name starts with aws-waf-logs-.
        LogGroup requestLog = LogGroup.Builder.create(this, "RequestLog")
                .logGroupName("aws-waf-logs-" + getNode().getAddr())
                .encryptionKey(props.logsKey())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.getAttrArn())
                .logDestinationConfigs(List.of(requestLog))
                .build();
    }

    public String webAclArn() {
        return webAcl.getAttrArn();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metricName)
                .sampledRequestsEnabled(true)
                .build();
    }
}
