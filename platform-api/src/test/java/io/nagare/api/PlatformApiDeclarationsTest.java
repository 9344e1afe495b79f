package io.nagare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.platform.model.ApiRouteDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import org.junit.jupiter.api.Test;

class PlatformApiDeclarationsTest {

    private final PlatformModel model = PlatformModel.of(new PlatformApiDeclarations());

    @Test
    void validate_shouldFindNoProblem_whenTheSagaProcessStatusReadsIsDeclared() {
        PlatformModel withSaga = PlatformModel.of(new PlatformApiDeclarations(), new PlatformDeclarations() {
            @Override
            public String owner() {
                return "sagas";
            }

            @Override
            public void declare(PlatformModel.Builder builder) {
                builder.saga("order-fulfilment", s -> s.definition("test-sagas/order-fulfilment.asl.json"));
            }
        });

        assertThat(ModelValidator.create().check(withSaga)).isEmpty();
    }

    @Test
    void declare_shouldRouteEachPathToItsFunctionWithItsScope_whenTheModelIsBuilt() {
        assertThat(model.routes()).extracting(ApiRouteDeclaration::key, r -> r.scopes(), ApiRouteDeclaration::target)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST /v1/events", java.util.Set.of("events/publish"),
                                Reference.function("partner-events")),
                        org.assertj.core.groups.Tuple.tuple("GET /v1/processes", java.util.Set.of("processes/read"),
                                Reference.function("process-status")));
    }

    @Test
    void declare_shouldGivePartnerEventsItsTablesAndBus_whenTheModelIsBuilt() {
        assertThat(model.function("partner-events").orElseThrow().resourceVariables()).containsOnlyKeys(
                "NAGARE_TABLE_PARTNERS", "NAGARE_TABLE_PARTNER_EVENTS_DEDUP", "NAGARE_TABLE_PARTNER_RATE_LIMITS",
                "NAGARE_BUS_NAGARE");
        assertThat(model.function("partner-events").orElseThrow().publishedDetailTypes())
                .contains("OrderPlaced", "ShipmentDispatched", "ShipmentFailed", "ShipmentStatusUpdated")
                .doesNotContain("OrderConfirmed");
        assertThat(model.function("process-status").orElseThrow().resourceVariables())
                .containsOnlyKeys("NAGARE_SAGA_ORDER_FULFILMENT");
        assertThat(model.bus("nagare").orElseThrow().archiveRetentionDays()).isEqualTo(30);
    }
}
