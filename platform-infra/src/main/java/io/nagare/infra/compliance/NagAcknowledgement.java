package io.nagare.infra.compliance;

import java.util.Arrays;
import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

/**
 * Acknowledges cdk-nag findings on one resource, with the reason the finding does not apply. Always scoped to the
 * construct concerned (and its own CloudFormation children, for an L2 construct), never to a stack.
 */
public final class NagAcknowledgement {

    private NagAcknowledgement() {
    }

    /** Acknowledges {@code ruleIds} (e.g. {@code AwsSolutions-SQS3}) on {@code resource}, because {@code reason}. */
    public static void of(IConstruct resource, String reason, String... ruleIds) {
        List<NagPackSuppression> suppressions = Arrays.stream(ruleIds)
                .map(id -> NagPackSuppression.builder().id(id).reason(reason).build())
                .toList();
        NagSuppressions.addResourceSuppressions(resource, suppressions, true);
    }

    /**
     * Acknowledges {@code ruleId} on {@code resource} for the findings matching {@code regex} only (cdk-nag's
     * {@code /pattern/g} form, e.g. {@code /^Resource::.*\/index\/\*$/g}), because {@code reason}.
     */
    public static void matching(IConstruct resource, String reason, String ruleId, String... regex) {
        List<Object> appliesTo = Arrays.stream(regex)
                .map(pattern -> (Object) RegexAppliesTo.builder().regex(pattern).build())
                .toList();
        NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder().id(ruleId)
                .reason(reason).appliesTo(appliesTo).build()), true);
    }

    /**
     * Acknowledges {@code ruleId} on {@code resource} for the listed findings only ({@code appliesTo}, e.g. an IAM
     * action or resource pattern), because {@code reason}.
     */
    public static void limited(IConstruct resource, String reason, String ruleId, String... appliesTo) {
        NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder().id(ruleId)
                .reason(reason).appliesTo(List.of((Object[]) appliesTo)).build()), true);
    }
}
