package io.nagare.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order process's promises, checked on what the domains recorded (their tables, read through the DynamoDB API)
 * for the orders of one run:
 * <ul>
 *   <li>stock is never negative (every {@code inventory} item, {@code available} and {@code reserved});</li>
 *   <li>every order reaches a terminal state: its saga ended and the order is CONFIRMED or CANCELLED, in agreement;</li>
 *   <li>each confirmed order was captured exactly once (its payment CAPTURED, one CAPTURED transition);</li>
 *   <li>no cancelled order keeps a capture or an authorization, nor a reservation.</li>
 * </ul>
 */
final class DemoInvariants {

    private static final Set<String> RELEASED_PAYMENT = Set.of("VOIDED", "REFUNDED", "DECLINED");
    private static final Set<String> RELEASED_RESERVATION = Set.of("RELEASED", "BLOCKED");

    private DemoInvariants() {
    }

    /** Every broken promise, one line each; empty when all hold. */
    static List<String> check(LocalAws aws, List<DemoOrder> orders) {
        List<String> broken = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> inventory = aws.scan("inventory", "sku");
        inventory.forEach((sku, item) -> {
            for (String attribute : List.of("available", "reserved")) {
                AttributeValue value = item.get(attribute);
                if (value != null && value.n() != null && Long.parseLong(value.n()) < 0) {
                    broken.add("stock of " + sku + " is negative: " + attribute + " = " + value.n());
                }
            }
        });
        Map<String, Map<String, AttributeValue>> recorded = aws.scan("orders", "orderId");
        Map<String, Map<String, AttributeValue>> payments = aws.scan("payments", "orderId");
        Map<String, Map<String, AttributeValue>> reservations = aws.scan("inventory-reservations", "orderId");
        for (DemoOrder order : orders) {
            String id = order.orderId();
            String status = text(recorded.get(id), "status");
            if (!order.isFinished()) {
                broken.add(id + ": its saga did not end (order " + status + ")");
                continue;
            }
            boolean sagaConfirmed = order.status().equals("SUCCEEDED");
            if (sagaConfirmed && !"CONFIRMED".equals(status) || !sagaConfirmed && !"CANCELLED".equals(status)) {
                broken.add(id + ": the saga ended " + order.status() + (order.error() == null ? "" : " (" + order.error()
                        + ")") + " but the order is " + status);
            }
            Map<String, AttributeValue> payment = payments.get(id);
            String paymentStatus = text(payment, "status");
            long captures = LocalAws.strings(payment == null ? null : payment.get("history")).stream()
                    .filter(transition -> transition.startsWith("CAPTURED")).count();
            Map<String, AttributeValue> reservation = reservations.get(id);
            String reservationStatus = text(reservation, "status");
            if ("CONFIRMED".equals(status)) {
                if (!"CAPTURED".equals(paymentStatus) || captures != 1) {
                    broken.add(id + ": confirmed, but its payment is " + paymentStatus + " with " + captures
                            + " capture(s)");
                }
            } else if ("CANCELLED".equals(status)) {
                if (paymentStatus != null && !RELEASED_PAYMENT.contains(paymentStatus)) {
                    broken.add(id + ": cancelled, but its payment is still " + paymentStatus);
                }
                if (reservationStatus != null && !RELEASED_RESERVATION.contains(reservationStatus)) {
                    broken.add(id + ": cancelled, but its reservation is still " + reservationStatus);
                }
            }
        }
        return broken;
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        if (item == null) {
            return null;
        }
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
