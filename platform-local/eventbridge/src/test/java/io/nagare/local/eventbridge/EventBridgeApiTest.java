package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventBridgeApiTest {

    private final LocalEventBridge eventBridge = new LocalEventBridge(null);

    @AfterEach
    void stop() {
        eventBridge.close();
    }

    @Test
    void eventBuses_shouldBeCreatedDescribedListedAndDeleted_withAwsArns() {
        assertThat(eventBridge.client.describeEventBus(r -> { }).arn())
                .isEqualTo("arn:aws:events:ap-northeast-1:000000000000:event-bus/default");
        String arn = eventBridge.client.createEventBus(r -> r.name("orders").description("order events"))
                .eventBusArn();
        assertThat(arn).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:event-bus/orders");
        assertThat(eventBridge.client.describeEventBus(r -> r.name(arn)).description()).isEqualTo("order events");
        assertThat(eventBridge.client.listEventBuses(r -> { }).eventBuses())
                .extracting(bus -> bus.name()).containsExactly("default", "orders");

        assertThatThrownBy(() -> eventBridge.client.createEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("Event bus orders already exists.");
        assertThatThrownBy(() -> eventBridge.client.deleteEventBus(r -> r.name("default")))
                .hasMessageContaining("Cannot delete event bus default.");

        eventBridge.client.deleteEventBus(r -> r.name("orders"));
        assertThatThrownBy(() -> eventBridge.client.describeEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus orders does not exist.");
    }

    @Test
    void putRule_shouldUseAwsArns_andReportRulesAsDescribed() {
        eventBridge.client.createEventBus(r -> r.name("orders"));
        assertThat(eventBridge.client.putRule(r -> r.name("placed").eventPattern("{\"source\":[\"shop\"]}"))
                .ruleArn()).isEqualTo("arn:aws:events:ap-northeast-1:000000000000:rule/placed");
        assertThat(eventBridge.client.putRule(r -> r.name("placed").eventBusName("orders")
                .eventPattern("{\"source\":[\"shop\"]}")).ruleArn())
                .isEqualTo("arn:aws:events:ap-northeast-1:000000000000:rule/orders/placed");

        var described = eventBridge.client.describeRule(r -> r.name("placed").eventBusName("orders"));
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.eventBusName()).isEqualTo("orders");
        assertThat(described.eventPattern()).isEqualTo("{\"source\":[\"shop\"]}");

        eventBridge.client.disableRule(r -> r.name("placed"));
        assertThat(eventBridge.client.describeRule(r -> r.name("placed")).state()).isEqualTo(RuleState.DISABLED);
        eventBridge.client.enableRule(r -> r.name("placed"));
        assertThat(eventBridge.client.describeRule(r -> r.name("placed")).state()).isEqualTo(RuleState.ENABLED);

        assertThatThrownBy(() -> eventBridge.client.describeRule(r -> r.name("missing").eventBusName("orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule missing does not exist on EventBus orders.");
    }

    @Test
    void putRule_shouldRejectAsAws_whenPatternOrScheduleIsInvalid() {
        assertThatThrownBy(() -> eventBridge.client.putRule(r -> r.name("bad").eventPattern("{\"source\":\"shop\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid. Reason: \"source\" must be an object or an array");
        assertThatThrownBy(() -> eventBridge.client.putRule(r -> r.name("none")))
                .hasMessageContaining("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        assertThatThrownBy(() -> eventBridge.client.putRule(r -> r.name("s").scheduleExpression("rate(5 minute)")))
                .hasMessageContaining("Parameter ScheduleExpression is not valid.");
        eventBridge.client.createEventBus(r -> r.name("orders"));
        assertThatThrownBy(() -> eventBridge.client.putRule(r -> r.name("s").eventBusName("orders")
                .scheduleExpression("rate(5 minutes)")))
                .hasMessageContaining("ScheduleExpression is supported only on the default event bus.");
        assertThatThrownBy(() -> eventBridge.client.putRule(r -> r.name("bad name!").eventPattern("{}")))
                .hasMessageContaining("failed to satisfy constraint: Member must satisfy regular expression pattern");
    }

    @Test
    void listRules_shouldFilterByPrefix_andPageWithNextToken() {
        for (String name : List.of("order-b", "order-a", "payment", "order-c")) {
            eventBridge.client.putRule(r -> r.name(name).eventPattern("{\"source\":[\"shop\"]}"));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListRulesResponse page = eventBridge.client.listRules(r -> r.namePrefix("order-").limit(2).nextToken(next));
            page.rules().forEach(rule -> names.add(rule.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(names).containsExactly("order-a", "order-b", "order-c");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void deleteRule_shouldFail_whileTargetsExist() {
        eventBridge.client.putRule(r -> r.name("placed").eventPattern("{\"source\":[\"shop\"]}"));
        eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder().id("q").arn(LocalEventBridge.QUEUE).build()));
        assertThatThrownBy(() -> eventBridge.client.deleteRule(r -> r.name("placed")))
                .hasMessageContaining("Rule can't be deleted since it has targets.");

        eventBridge.client.removeTargets(r -> r.rule("placed").ids("q"));
        eventBridge.client.deleteRule(r -> r.name("placed"));
        assertThat(eventBridge.client.listRules(r -> { }).rules()).isEmpty();
    }

    @Test
    void putTargets_shouldReportPerEntryFailures_andEnforceFiveTargetsPerRule() {
        eventBridge.client.putRule(r -> r.name("placed").eventPattern("{\"source\":[\"shop\"]}"));
        PutTargetsResponse response = eventBridge.client.putTargets(r -> r.rule("placed").targets(
                Target.builder().id("ok").arn(LocalEventBridge.QUEUE).build(),
                Target.builder().id("bad-arn").arn("not-an-arn").build(),
                Target.builder().id("topic").arn("arn:aws:sns:ap-northeast-1:000000000000:t").build()));
        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.failedEntries()).extracting(entry -> entry.targetId()).containsExactly("bad-arn", "topic");
        assertThat(response.failedEntries().get(0).errorMessage())
                .isEqualTo("Parameter not-an-arn is not valid. Reason: Provided Arn is not in correct format.");
        assertThat(response.failedEntries().get(1).errorMessage()).startsWith("not supported: sns targets");
        assertThat(eventBridge.client.listTargetsByRule(r -> r.rule("placed")).targets())
                .extracting(Target::id).containsExactly("ok");

        eventBridge.client.putTargets(r -> r.rule("placed").targets(
                Target.builder().id("2").arn(LocalEventBridge.QUEUE).build(),
                Target.builder().id("3").arn(LocalEventBridge.QUEUE).build(),
                Target.builder().id("4").arn(LocalEventBridge.QUEUE).build(),
                Target.builder().id("5").arn(LocalEventBridge.QUEUE).build()));
        assertThatThrownBy(() -> eventBridge.client.putTargets(r -> r.rule("placed").targets(
                Target.builder().id("6").arn(LocalEventBridge.QUEUE).build())))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The requested resource exceeds the maximum number allowed.");

        var removed = eventBridge.client.removeTargets(r -> r.rule("placed").ids("2", "nope"));
        assertThat(removed.failedEntryCount()).isEqualTo(1);
        assertThat(removed.failedEntries().get(0).errorMessage())
                .isEqualTo("Rule 'placed' does not have a target with the Id 'nope'.");
    }

    @Test
    void putTargets_shouldRejectTheRequest_whenATargetHasTwoInputsOrAnUndefinedPlaceholder() {
        eventBridge.client.putRule(r -> r.name("placed").eventPattern("{\"source\":[\"shop\"]}"));
        assertThatThrownBy(() -> eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder()
                .id("q").arn(LocalEventBridge.QUEUE).input("{}").inputPath("$.detail").build())))
                .hasMessageContaining("Only one of Input, InputPath, or InputTransformer must be provided for target q.");
        assertThatThrownBy(() -> eventBridge.client.putTargets(r -> r.rule("placed").targets(Target.builder()
                .id("q").arn(LocalEventBridge.QUEUE)
                .inputTransformer(t -> t.inputTemplate("{\"id\": <orderId>}")).build())))
                .hasMessageContaining("InputTemplate for target q contains invalid placeholder orderId.");
    }

    @Test
    void putEvents_shouldAnswerPerEntryErrors_andCountFailures() {
        PutEventsResponse response = eventBridge.client.putEvents(r -> r.entries(
                entry("shop", "OrderPlaced", "{\"orderId\":\"o-1\"}"),
                entry(null, "OrderPlaced", "{}"),
                entry("shop", null, "{}"),
                entry("shop", "OrderPlaced", null),
                entry("shop", "OrderPlaced", "[1,2]")));
        assertThat(response.failedEntryCount()).isEqualTo(4);
        assertThat(response.entries().get(0).eventId()).matches("[0-9a-f-]{36}");
        assertThat(response.entries()).extracting(e -> e.errorCode())
                .containsExactly(null, "InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail");
        assertThat(response.entries().get(1).errorMessage())
                .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(response.entries().get(4).errorMessage()).isEqualTo("Detail is malformed.");
    }

    @Test
    void putEvents_shouldRejectTheRequest_whenOverTenEntriesOrOver256KB() {
        List<PutEventsRequestEntry> eleven = new ArrayList<>(Collections.nCopies(11, entry("shop", "T", "{}")));
        assertThatThrownBy(() -> eventBridge.client.putEvents(r -> r.entries(eleven)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");

        String big = "{\"blob\":\"" + "x".repeat(262_144 - 12) + "\"}";
        assertThatThrownBy(() -> eventBridge.client.putEvents(r -> r.entries(entry("shop", "T", big))))
                .hasMessageContaining("Total size of the entries in the request is over the limit.");
        String fits = "{\"blob\":\"" + "x".repeat(262_144 - 12 - "shopT".length() - 1) + "\"}";
        assertThat(eventBridge.client.putEvents(r -> r.entries(entry("shop", "T", fits))).failedEntryCount())
                .isZero();
    }

    @Test
    void testEventPattern_shouldRejectAnEvent_missingRequiredFields() {
        assertThatThrownBy(() -> eventBridge.client.testEventPattern(r -> r.eventPattern("{\"source\":[\"shop\"]}")
                .event("{\"source\":\"shop\"}")))
                .hasMessageContaining("Parameter Event is not valid.");
    }

    static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }
}
