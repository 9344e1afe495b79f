package io.nagare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.events.orders.v1.OrderPlaced;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final String ORDER = """
            {"orderId": "ord-1", "customerId": "c-7", "currency": "EUR", "total": 39.80,
             "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2, "unitPrice": 19.90}],
             "placedAt": "2026-11-28T09:15:00Z"}
            """;

    @Test
    void read_shouldKeepAmountsAsExactDecimals_whenTheyEndInZero() {
        OrderPlaced order = EventJson.read(ORDER, OrderPlaced.class);

        assertThat(order.total()).isEqualTo(new BigDecimal("39.80"));
        assertThat(order.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("19.90"));
        assertThat(EventJson.write(order)).contains("\"total\":39.80", "\"unitPrice\":19.90");
    }

    @Test
    void read_shouldFailNamingTheProperty_whenARequiredPropertyIsMissing() throws Exception {
        ObjectNode order = (ObjectNode) EventJson.mapper().readTree(ORDER);
        order.remove("currency");

        assertThatThrownBy(() -> EventJson.read(order, OrderPlaced.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid OrderPlaced: OrderPlaced.currency is required");
    }

    @Test
    void read_shouldFailNamingTheNestedPropertyAndWhereItIs_whenALineLacksItsSku() throws Exception {
        ObjectNode order = (ObjectNode) EventJson.mapper().readTree(ORDER);
        ((ObjectNode) order.get("lines").get(0)).remove("sku");

        assertThatThrownBy(() -> EventJson.read(order.toString(), OrderPlaced.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid OrderPlaced: OrderPlaced.Line.sku is required (at /lines/0)");
    }

    @Test
    void read_shouldFailNamingThePointer_whenAQuantityIsNotANumber() throws Exception {
        ObjectNode order = (ObjectNode) EventJson.mapper().readTree(ORDER);
        ((ObjectNode) order.get("lines").get(0)).put("quantity", "two");

        assertThatThrownBy(() -> EventJson.read(order, OrderPlaced.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid OrderPlaced: ")
                .hasMessageContaining("\"two\"")
                .hasMessageEndingWith("(at /lines/0/quantity)");
    }

    @Test
    void write_shouldOmitAbsentOptionalsAndWriteInstantsAsIsoText_whenBuiltInCode() {
        OrderPlaced order = new OrderPlaced("ord-2", "c-8", Currency.getInstance("JPY"), new BigDecimal("6800"),
                List.of(new OrderPlaced.Line("CUP-YUNOMI-BLUE", 1L, new BigDecimal("6800"))),
                Instant.parse("2026-11-28T09:15:00Z"));

        JsonNode json = EventJson.tree(order);

        assertThat(json.get("placedAt").asText()).isEqualTo("2026-11-28T09:15:00Z");
        assertThat(json.get("currency").asText()).isEqualTo("JPY");
        assertThat(EventJson.write(new OrderPlaced("ord-2", "c-8", Currency.getInstance("JPY"), BigDecimal.ONE,
                order.lines(), null))).doesNotContain("placedAt", "null");
    }

    @Test
    void constructor_shouldCopyLists_soAnEventCannotChangeAfterItIsBuilt() {
        List<OrderPlaced.Line> lines = new ArrayList<>(List.of(new OrderPlaced.Line("A-1", 1L, BigDecimal.TEN)));
        OrderPlaced order = new OrderPlaced("ord-3", "c-9", Currency.getInstance("USD"), BigDecimal.TEN, lines, null);

        lines.clear();

        assertThat(order.lines()).hasSize(1);
        assertThatThrownBy(() -> order.lines().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void generatedRecords_shouldHoldNoBinaryFloatingPoint_whenTheSchemaHasNumbers() {
        List<String> floatingPoint = new ArrayList<>();
        for (EventType type : SchemaRegistry.fromClasspath().eventTypes()) {
            for (int version = 1; version <= type.versions().size(); version++) {
                Deque<Class<?>> records = new ArrayDeque<>(List.of(
                        EventTypes.recordClass(type.detailType(), version).orElseThrow()));
                while (!records.isEmpty()) {
                    Class<?> record = records.pop();
                    for (RecordComponent component : record.getRecordComponents()) {
                        String typeName = component.getGenericType().getTypeName();
                        if (typeName.matches("(?i).*\\b(double|float)\\b.*")) {
                            floatingPoint.add(record.getName() + "." + component.getName() + ": " + typeName);
                        }
                    }
                    for (Class<?> nested : record.getDeclaredClasses()) {
                        if (nested.isRecord()) {
                            records.push(nested);
                        }
                    }
                }
            }
        }
        assertThat(floatingPoint).isEmpty();
    }

    @Test
    void eventTypes_shouldFindNothing_whenTheTypeOrVersionIsUnknown() {
        assertThat(EventTypes.recordClass("OrderPlaced", 1)).contains(OrderPlaced.class);
        assertThat(EventTypes.latest("OrderPlaced")).contains(io.nagare.events.orders.v2.OrderPlaced.class);
        assertThat(EventTypes.recordClass("OrderPlaced", 99)).isEmpty();
        assertThat(EventTypes.recordClass("OrderPlaced", 0)).isEmpty();
        assertThat(EventTypes.latest("NoSuchEvent")).isEmpty();
    }

    @Test
    void read_shouldRejectAnUnknownCurrency_whenTheCodeIsNotIso4217() throws Exception {
        ObjectNode order = (ObjectNode) EventJson.mapper().readTree(ORDER);
        order.put("currency", "XYZ");

        assertThatThrownBy(() -> EventJson.read(order, OrderPlaced.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XYZ")
                .hasMessageEndingWith("(at /currency)");
    }
}
