package io.nagare.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.nagare.platform.model.ApiRouteDeclaration;
import io.nagare.platform.model.Reference;
import org.junit.jupiter.api.Test;

class HttpApiRoutesTest {

    private final HttpApiRoutes routes = new HttpApiRoutes(List.of(
            route("GET", "/v1/orders/{orderId}", "get-order"),
            route("GET", "/v1/orders/latest", "latest-order"),
            route("ANY", "/v1/orders/{proxy+}", "orders-proxy"),
            route("POST", "/v1/events", "partner-events")));

    @Test
    void match_shouldPreferTheLiteralSegment_whenAParameterMatchesToo() {
        assertThat(routes.match("GET", "/v1/orders/latest").orElseThrow().route().target().name())
                .isEqualTo("latest-order");
    }

    @Test
    void match_shouldBindPathParameters_whenTheRouteHasThem() {
        HttpApiRoutes.Match match = routes.match("GET", "/v1/orders/o-1").orElseThrow();

        assertThat(match.route().target().name()).isEqualTo("get-order");
        assertThat(match.pathParameters()).isEqualTo(Map.of("orderId", "o-1"));
    }

    @Test
    void match_shouldFallBackToTheGreedyRoute_whenNothingMoreSpecificMatches() {
        HttpApiRoutes.Match match = routes.match("DELETE", "/v1/orders/o-1/lines/2").orElseThrow();

        assertThat(match.route().target().name()).isEqualTo("orders-proxy");
        assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "o-1/lines/2"));
    }

    @Test
    void match_shouldFindNothing_whenTheMethodOrPathIsUnknown() {
        assertThat(routes.match("GET", "/v1/events")).isEmpty();
        assertThat(routes.match("GET", "/v2/anything")).isEmpty();
    }

    @Test
    void create_shouldRefuse_whenARouteTargetsAQueue() {
        assertThatThrownBy(() -> new HttpApiRoutes(List.of(ApiRouteDeclaration.builder("POST", "/q").owner("t")
                .target(Reference.queue("jobs")).build())))
                .hasMessage("not supported: route 'POST /q' targets a queue ('jobs'); the local gateway integrates"
                        + " with Lambda functions only");
    }

    private static ApiRouteDeclaration route(String method, String path, String function) {
        return ApiRouteDeclaration.builder(method, path).owner("test").target(Reference.function(function)).build();
    }
}
