package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The rendering rules and examples of EventBridge's "Input transform examples" documentation. */
class TargetInputTest {

    private static final ObjectNode EVENT = (ObjectNode) EventJson.parse("{\"version\":\"0\","
            + "\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\",\"detail-type\":\"EC2 Instance State-change Notification\","
            + "\"source\":\"aws.ec2\",\"account\":\"123456789012\",\"time\":\"2015-11-11T21:29:54Z\","
            + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"],"
            + "\"detail\":{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\"}}");
    private static final String PATHS = "{\"timestamp\":\"$.time\",\"instance\":\"$.detail.instance-id\","
            + "\"state\":\"$.detail.state\",\"resource\":\"$.resources[0]\",\"detail\":\"$.detail\","
            + "\"missing\":\"$.detail.nothing\"}";
    private static final String RULE_ARN = "arn:aws:events:us-east-2:123456789012:rule/example";

    @Test
    void render_shouldKeepAStringTemplateRaw_withItsQuotes() {
        assertThat(render("\"instance <instance> is in <state>\"")).isEqualTo("\"instance i-0123456789 is in RUNNING\"");
        assertThat(render("\"instance \\\"<instance>\\\" is in <state>\""))
                .isEqualTo("\"instance \\\"i-0123456789\\\" is in RUNNING\"");
        assertThat(render("\"<aws.events.rule-name> triggered\"")).isEqualTo("\"example triggered\"");
    }

    @Test
    void render_shouldQuoteStringValues_inJsonValuePositions() {
        assertThat(render("{\"instance\" : <instance>,\"state\": <state>}"))
                .isEqualTo("{\"instance\" : \"i-0123456789\",\"state\": \"RUNNING\"}");
        assertThat(render("{\"instance\" : <instance>,\"state\": [ 9, <state>, true ],\"Transformed\" : \"Yes\"}"))
                .isEqualTo("{\"instance\" : \"i-0123456789\",\"state\": [ 9, \"RUNNING\", true ],\"Transformed\" : \"Yes\"}");
        assertThat(render("{\"instance\" : <instance>,\"state\": \"<state>\",\"instanceStatus\": \"instance \\\"<instance>\\\" is in <state>\"}"))
                .isEqualTo("{\"instance\" : \"i-0123456789\",\"state\": \"RUNNING\",\"instanceStatus\": \"instance \\\"i-0123456789\\\" is in RUNNING\"}");
    }

    @Test
    void render_shouldInsertObjectsAsJson_andStripTheirQuotesInsideStrings() {
        assertThat(render("{\"detail\": <detail>}"))
                .isEqualTo("{\"detail\": {\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\"}}");
        assertThat(render("\"Detail is <detail>\"")).isEqualTo("\"Detail is {instance-id:i-0123456789,state:RUNNING}\"");
    }

    @Test
    void render_shouldFillPredefinedVariables() {
        String rendered = render("{\"ruleArn\" : <aws.events.rule-arn>,\"ruleName\" : <aws.events.rule-name>,"
                + "\"at\": <aws.events.event.ingestion-time>,\"event\": <aws.events.event>,\"full\": <aws.events.event.json>}");
        ObjectNode output = (ObjectNode) EventJson.parse(rendered);
        assertThat(output.get("ruleArn").asText()).isEqualTo(RULE_ARN);
        assertThat(output.get("ruleName").asText()).isEqualTo("example");
        assertThat(output.get("at").asText()).isEqualTo("2015-11-11T21:30:00Z");
        assertThat(output.get("event").has("detail")).isFalse();
        assertThat(output.get("event").get("id").asText()).isEqualTo("7bf73129-1428-4cd3-a780-95db273d1602");
        assertThat(output.get("full")).isEqualTo(EVENT);
    }

    @Test
    void render_shouldLeaveOutAVariable_whosePathMatchesNothing() {
        assertThat(render("\"[<missing>]\"")).isEqualTo("\"[]\"");
    }

    @Test
    void render_shouldSendTheEvent_orTheConstantInput_orThePartAtInputPath() {
        assertThat(TargetInput.render(target("{\"Id\":\"t\",\"Arn\":\"a\"}"), EVENT, RULE_ARN, "example", "x"))
                .isEqualTo(EventJson.write(EVENT));
        assertThat(TargetInput.render(target("{\"Id\":\"t\",\"Arn\":\"a\",\"Input\":\"{\\\"fixed\\\":1}\"}"), EVENT,
                RULE_ARN, "example", "x")).isEqualTo("{\"fixed\":1}");
        assertThat(TargetInput.render(target("{\"Id\":\"t\",\"Arn\":\"a\",\"InputPath\":\"$.detail.state\"}"), EVENT,
                RULE_ARN, "example", "x")).isEqualTo("\"RUNNING\"");
        assertThat(TargetInput.render(target("{\"Id\":\"t\",\"Arn\":\"a\",\"InputPath\":\"$.resources[0]\"}"), EVENT,
                RULE_ARN, "example", "x")).isEqualTo("\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"");
    }

    private static String render(String template) {
        ObjectNode target = EventJson.object().put("Id", "t").put("Arn", "a");
        ObjectNode transformer = target.putObject("InputTransformer");
        transformer.set("InputPathsMap", EventJson.parse(PATHS));
        transformer.put("InputTemplate", template);
        TargetInput.validate("t", transformer);
        return TargetInput.render(target, EVENT, RULE_ARN, "example", "2015-11-11T21:30:00Z");
    }

    private static ObjectNode target(String json) {
        return (ObjectNode) EventJson.parse(json);
    }
}
