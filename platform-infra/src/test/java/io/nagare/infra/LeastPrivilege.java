package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.assertions.Template;

/** What the compute stack's IAM policies may hold: the model's declared use, without wildcard actions. */
final class LeastPrivilege {

    private LeastPrivilege() {
    }

    @SuppressWarnings("unchecked")
    static void assertNoWildcardActions(Template compute) {
        for (Map<String, Object> resource : compute.findResources("AWS::IAM::Policy").values()) {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) resource.get("Properties")).get("PolicyDocument");
            for (Map<?, ?> statement : (List<Map<?, ?>>) document.get("Statement")) {
                Object actions = statement.get("Action");
                List<?> actionList = actions instanceof List<?> list ? list : List.of(actions);
                // Only KMS's data-key families end in '*' (CDK's grants for the key of a granted resource).
                assertThat(actionList).allSatisfy(action -> assertThat(action.toString())
                        .matches("[a-z0-9-]+:[A-Za-z]+|kms:(GenerateDataKey|ReEncrypt)\\*"));
                // On '*': X-Ray and Step Functions log delivery (no resource-level permissions), ECR's token, and
                // what StateMachine.grantRead adds for a declared READ use (listing and describing).
                if ("*".equals(statement.get("Resource"))) {
                    assertThat(actionList.toString()).as("actions granted on '*'")
                            .matches("\\[((xray:[A-Za-z]+|logs:[A-Za-z]+|ecr:GetAuthorizationToken"
                                    + "|states:(ListActivities|DescribeStateMachine|DescribeActivity))(, )?)+\\]");
                }
            }
        }
    }
}
