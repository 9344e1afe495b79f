package io.nagare.local.integration;

import static io.nagare.local.integration.LargeOrders.BUS;
import static io.nagare.local.integration.LargeOrders.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The developer's path through the AWS CLI ({@code aws ... --endpoint-url}) against the runtime {@code ./nagare up}
 * starts: the same scenario as {@link SdkEventsToQueueTest}, typed as shell commands.
 */
class AwsCliEventsToQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;
    private static LocalAws aws;
    private static AwsCli cli;

    @BeforeAll
    static void start() {
        Path executable = AwsCli.require();
        aws = LocalAws.startAll(dataDirectory);
        cli = AwsCli.against(executable, aws.endpointUrl);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void awsCli_shouldDeliverTheTransformedEventToEachQueue_whenARuleOnACustomBusMatchesIt() throws Exception {
        succeeds(cli.run("events", "create-event-bus", "--name", BUS));
        String jsonQueue = succeeds(cli.run("sqs", "create-queue", "--queue-name", LargeOrders.JSON_QUEUE,
                "--query", "QueueUrl")).strip();
        String textQueue = succeeds(cli.run("sqs", "create-queue", "--queue-name", LargeOrders.TEXT_QUEUE,
                "--query", "QueueUrl")).strip();
        succeeds(cli.run("events", "put-rule", "--name", RULE, "--event-bus-name", BUS,
                "--event-pattern", LargeOrders.PATTERN));
        String failedTargets = succeeds(cli.run("events", "put-targets", "--rule", RULE, "--event-bus-name", BUS,
                "--targets", targets(), "--query", "FailedEntryCount"));
        String failedEvents = succeeds(cli.run("events", "put-events", "--entries", entries(),
                "--query", "FailedEntryCount"));

        assertThat(failedTargets.strip()).isEqualTo("0");
        assertThat(failedEvents.strip()).isEqualTo("0");
        assertThat(receiveBody(jsonQueue)).isEqualTo(LargeOrders.EXPECTED_JSON);
        assertThat(receiveBody(textQueue)).isEqualTo(LargeOrders.EXPECTED_TEXT);
    }

    @Test
    void awsCli_shouldReportEventBridgesError_whenTheRulePatternIsInvalid() throws Exception {
        AwsCli.Result refused = cli.run("events", "put-rule", "--name", "broken",
                "--event-pattern", "{\"detail\":{\"amount\":[{\"numeric\":[\">=\"]}]}}");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("InvalidEventPatternException").contains("Event pattern is not valid.");
    }

    private static String targets() {
        ArrayNode targets = JSON.createArrayNode();
        addTarget(targets, "json", LargeOrders.JSON_QUEUE, LargeOrders.JSON_TEMPLATE);
        addTarget(targets, "text", LargeOrders.TEXT_QUEUE, LargeOrders.TEXT_TEMPLATE);
        return targets.toString();
    }

    private static void addTarget(ArrayNode targets, String id, String queue, String template) {
        ObjectNode target = targets.addObject().put("Id", id).put("Arn", LocalAws.queueArn(queue));
        ObjectNode transformer = target.putObject("InputTransformer");
        ObjectNode paths = transformer.putObject("InputPathsMap");
        LargeOrders.PATHS.forEach(paths::put);
        transformer.put("InputTemplate", template);
    }

    private static String entries() {
        ArrayNode entries = JSON.createArrayNode();
        for (String detail : new String[] {LargeOrders.SMALL_ORDER, LargeOrders.LARGE_ORDER}) {
            entries.addObject().put("EventBusName", BUS).put("Source", "shop").put("DetailType", "OrderPlaced")
                    .put("Detail", detail);
        }
        return entries.toString();
    }

    private static String receiveBody(String queueUrl) throws Exception {
        return succeeds(cli.run("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "10",
                "--query", "Messages[0].Body")).strip();
    }

    private static String succeeds(AwsCli.Result result) {
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output();
    }
}
