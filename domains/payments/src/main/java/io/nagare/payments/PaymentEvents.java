package io.nagare.payments;

import java.util.Currency;
import java.util.Objects;

import io.nagare.events.payments.v1.PaymentAuthorized;
import io.nagare.events.payments.v1.PaymentCaptured;
import io.nagare.events.payments.v1.PaymentDeclined;
import io.nagare.events.payments.v1.PaymentRefunded;
import io.nagare.events.payments.v1.PaymentVoided;
import io.nagare.platform.events.EventPublisher;

/**
 * The payments events, built from the generated records and published with the id {@code <orderId>:<DetailType>}, so
 * a repeated step publishes the same event again rather than a second one.
 */
final class PaymentEvents {

    private final EventPublisher publisher;

    PaymentEvents(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    void authorized(PaymentItem p) {
        publish(p.getOrderId(), PaymentAuthorized.DETAIL_TYPE, new PaymentAuthorized(p.getOrderId(), p.getPaymentId(),
                p.getAmount(), currency(p), p.getAuthorizationCode(), p.getAuthorizedAt(), null));
    }

    void declined(PaymentItem p) {
        publish(p.getOrderId(), PaymentDeclined.DETAIL_TYPE, new PaymentDeclined(p.getOrderId(), p.getPaymentId(),
                p.getAmount(), currency(p), PaymentDeclined.DeclineReason.valueOf(p.getDeclineReason()),
                p.getProviderDeclineCode(), p.getDeclinedAt()));
    }

    void captured(PaymentItem p) {
        publish(p.getOrderId(), PaymentCaptured.DETAIL_TYPE, new PaymentCaptured(p.getOrderId(), p.getPaymentId(),
                p.getAmount(), currency(p), p.getCapturedAt()));
    }

    void voided(PaymentItem p) {
        publish(p.getOrderId(), PaymentVoided.DETAIL_TYPE, new PaymentVoided(p.getOrderId(), p.getPaymentId(),
                p.getAmount(), currency(p), p.getVoidedAt()));
    }

    void refunded(PaymentItem p) {
        publish(p.getOrderId(), PaymentRefunded.DETAIL_TYPE, new PaymentRefunded(p.getOrderId(), p.getPaymentId(),
                p.getRefundId(), p.getAmount(), currency(p), PaymentRefunded.Reason.SAGA_COMPENSATION,
                p.getRefundedAt()));
    }

    private static Currency currency(PaymentItem p) {
        return Currency.getInstance(p.getCurrency());
    }

    private void publish(String orderId, String detailType, Object event) {
        publisher.publish(orderId + ":" + detailType, detailType, StepJson.MAPPER.valueToTree(event));
    }
}
