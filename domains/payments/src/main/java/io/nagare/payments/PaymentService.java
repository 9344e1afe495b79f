package io.nagare.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.nagare.events.payments.v1.PaymentDeclined;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.saga.ExecutionNames;

/**
 * The four payment steps of the order-fulfilment saga (docs/order-process.md). Each runs at most once per saga
 * instance and step (platform idempotency, key = execution name + function), reads the payment first so a retry after
 * a crash answers from the table, calls the provider with an idempotency key per order and operation (a retry that
 * reaches the provider gets its first answer: nothing is charged twice), writes the new state conditionally and then
 * publishes the step's event with its derived id.
 */
final class PaymentService {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Idempotency idempotency;
    private final PaymentEvents events;
    private final Clock clock;

    PaymentService(PaymentRepository payments, PaymentGateway gateway, Idempotency idempotency, PaymentEvents events,
                   Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    AuthorizeOutput authorize(AuthorizeInput input) {
        String orderId = StepJson.require("authorize-payment", "orderId", input.orderId());
        StepJson.require("authorize-payment", "customerId", input.customerId());
        if (input.amount() == null || input.amount().signum() < 0) {
            throw new IllegalArgumentException("authorize-payment: input member 'amount' is required and must be >= 0;"
                    + " got " + input.amount());
        }
        currency(input.currency());
        return idempotency.run(stepKey(orderId, "authorize-payment"), AuthorizeOutput.class, () -> {
            Optional<PaymentItem> existing = payments.find(orderId);
            if (existing.isPresent()) {
                return answerAuthorized(existing.get(), input);
            }
            PaymentGateway.Authorization authorization;
            try {
                authorization = gateway.authorize(new PaymentGateway.AuthorizationRequest(orderId, input.amount(),
                        input.currency(), input.customerId()), providerKey(orderId, "authorize"));
            } catch (PaymentDeclinedException declined) {
                PaymentItem item = newPayment(input, PaymentStatus.DECLINED);
                item.setDeclineReason(normalized(declined.declineReason()));
                item.setProviderDeclineCode(declined.providerDeclineCode());
                item.setDeclinedAt(item.getUpdatedAt());
                return payments.save(item) ? declined(item) : answerAuthorized(reread(orderId), input);
            }
            PaymentItem item = newPayment(input, PaymentStatus.AUTHORIZED);
            item.setAuthorizationId(authorization.authorizationId());
            item.setAuthorizationCode(authorization.authorizationCode());
            item.setAuthorizedAt(item.getUpdatedAt());
            if (!payments.save(item)) {
                return answerAuthorized(reread(orderId), input);
            }
            events.authorized(item);
            return new AuthorizeOutput(item.getPaymentId(), item.getAuthorizationCode());
        });
    }

    CaptureOutput capture(CaptureInput input) {
        String orderId = StepJson.require("capture-payment", "orderId", input.orderId());
        StepJson.require("capture-payment", "paymentId", input.paymentId());
        return idempotency.run(stepKey(orderId, "capture-payment"), CaptureOutput.class, () -> {
            PaymentItem item = payments.find(orderId).orElseThrow(() -> new IllegalPaymentTransitionException(orderId,
                    "(none)", PaymentStatus.CAPTURED.name(), PaymentStatus.INITIAL, List.of()));
            if (!item.getPaymentId().equals(input.paymentId())) {
                throw new IllegalArgumentException("capture-payment: order '" + orderId + "' has payment '"
                        + item.getPaymentId() + "', not '" + input.paymentId() + "'");
            }
            if (item.status() != PaymentStatus.CAPTURED) {
                requireTransition(item, PaymentStatus.CAPTURED);
                if (item.getCaptureRequestedAt() == null) {
                    // written before the call: if its answer is lost, refund-payment knows money may have moved
                    item.setCaptureRequestedAt(clock.instant());
                    item = saved(item);
                }
                gateway.capture(item.getAuthorizationId(), providerKey(orderId, "capture"));
                item = change(item, PaymentStatus.CAPTURED, p -> p.setCapturedAt(p.getUpdatedAt()));
            }
            events.captured(item);
            return new CaptureOutput(item.getPaymentId(), item.getCapturedAt());
        });
    }

    VoidOutput voidPayment(OrderInput input) {
        String orderId = StepJson.require("void-payment", "orderId", input.orderId());
        return idempotency.run(stepKey(orderId, "void-payment"), VoidOutput.class, () -> {
            Optional<PaymentItem> found = payments.find(orderId);
            if (found.isEmpty() || found.get().status() == PaymentStatus.DECLINED
                    || found.get().status() == PaymentStatus.REFUNDED) {
                return new VoidOutput(false); // nothing authorized, or the money already went back: nothing to release
            }
            PaymentItem item = found.get();
            if (item.status() != PaymentStatus.VOIDED) {
                requireTransition(item, PaymentStatus.VOIDED);
                gateway.voidAuthorization(item.getAuthorizationId(), providerKey(orderId, "void"));
                item = change(item, PaymentStatus.VOIDED, p -> p.setVoidedAt(p.getUpdatedAt()));
            }
            events.voided(item);
            return new VoidOutput(true);
        });
    }

    /**
     * Returns captured money. A payment still AUTHORIZED here, whose capture was asked of the provider, may have been
     * captured all the same (the capture's answer lost, its retries exhausted): the provider decides. It refunds a
     * capture it holds, or answers 409 when there is none, and then nothing was captured.
     */
    RefundOutput refund(OrderInput input) {
        String orderId = StepJson.require("refund-payment", "orderId", input.orderId());
        return idempotency.run(stepKey(orderId, "refund-payment"), RefundOutput.class, () -> {
            Optional<PaymentItem> found = payments.find(orderId);
            if (found.isEmpty()) {
                return new RefundOutput(null);
            }
            PaymentItem item = found.get();
            boolean maybeCaptured = item.status() == PaymentStatus.AUTHORIZED && item.getCaptureRequestedAt() != null;
            if (item.status() != PaymentStatus.CAPTURED && item.status() != PaymentStatus.REFUNDED && !maybeCaptured) {
                return new RefundOutput(null); // nothing was captured: nothing to return
            }
            if (item.status() != PaymentStatus.REFUNDED) {
                String refundId;
                try {
                    refundId = gateway.refund(item.getAuthorizationId(), providerKey(orderId, "refund"));
                } catch (PaymentGatewayException e) {
                    if (maybeCaptured && e.status() == 409) {
                        return new RefundOutput(null); // the provider holds no capture: the authorization stands
                    }
                    throw e;
                }
                if (maybeCaptured) {
                    item = change(item, PaymentStatus.CAPTURED, p -> { });
                }
                item = change(item, PaymentStatus.REFUNDED, p -> {
                    p.setRefundId(refundId);
                    p.setRefundedAt(p.getUpdatedAt());
                });
            }
            events.refunded(item);
            return new RefundOutput(item.getRefundId());
        });
    }

    /** The idempotency key of a step of the order's saga instance (its execution name is derived from the order). */
    static String stepKey(String orderId, String function) {
        return Idempotency.key(ExecutionNames.forBusinessKey(orderId), function);
    }

    /** The provider's idempotency key for one operation on the order's payment: the same on every retry. */
    static String providerKey(String orderId, String operation) {
        return orderId + ":" + operation;
    }

    /** Derived from the order, so an authorization retried after a crash gets the same id. */
    static String paymentId(String orderId) {
        return "pay-" + UUID.nameUUIDFromBytes(("payment:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    private PaymentItem newPayment(AuthorizeInput input, PaymentStatus status) {
        PaymentItem item = PaymentItem.start(input.orderId(), status, clock.instant());
        item.setPaymentId(paymentId(input.orderId()));
        item.setCustomerId(input.customerId());
        item.setAmount(input.amount());
        item.setCurrency(input.currency());
        return item;
    }

    /** A repeated authorization: the same answer as the first, if it asked for the same thing. */
    private AuthorizeOutput answerAuthorized(PaymentItem item, AuthorizeInput input) {
        if (item.getAmount().compareTo(input.amount()) != 0 || !item.getCurrency().equals(input.currency())) {
            throw new IllegalArgumentException("authorize-payment: order '" + item.getOrderId() + "' was already "
                    + "authorized for " + item.getAmount() + " " + item.getCurrency() + "; this request asks for "
                    + input.amount() + " " + input.currency());
        }
        if (item.status() == PaymentStatus.DECLINED) {
            return declined(item);
        }
        if (item.status() == PaymentStatus.AUTHORIZED) {
            events.authorized(item); // the first attempt may have stopped between its write and its event
        }
        return new AuthorizeOutput(item.getPaymentId(), item.getAuthorizationCode());
    }

    private AuthorizeOutput declined(PaymentItem item) {
        events.declined(item);
        throw new PaymentDeclinedException(item.getDeclineReason(), item.getProviderDeclineCode());
    }

    private static void requireTransition(PaymentItem item, PaymentStatus next) {
        if (!item.status().canBecome(next)) {
            throw new IllegalPaymentTransitionException(item.getOrderId(), item.getStatus(), next.name(),
                    item.status().next(), item.getHistory());
        }
    }

    private PaymentItem change(PaymentItem item, PaymentStatus next, Consumer<PaymentItem> details) {
        item.transition(next, clock.instant());
        details.accept(item);
        if (payments.save(item)) {
            return item; // carries the version written: it can change again
        }
        PaymentItem current = reread(item.getOrderId());
        if (current.status() == next) {
            return current; // an attempt whose idempotency record had expired did the same meanwhile
        }
        throw new IllegalStateException("payment of order '" + item.getOrderId() + "' changed to "
                + current.status() + " while this step moved it to " + next + "; history: " + current.getHistory());
    }

    /** Writes a change that is no transition; another writer first is a defect here (the step runs once). */
    private PaymentItem saved(PaymentItem item) {
        if (!payments.save(item)) {
            PaymentItem current = reread(item.getOrderId());
            throw new IllegalStateException("payment of order '" + item.getOrderId() + "' changed to "
                    + current.getStatus() + " while capture-payment ran; history: " + current.getHistory());
        }
        return item;
    }

    private PaymentItem reread(String orderId) {
        return payments.find(orderId).orElseThrow(() -> new IllegalStateException("payment of order '" + orderId
                + "' vanished after a conditional write found it"));
    }

    private static void currency(String code) {
        StepJson.require("authorize-payment", "currency", code);
        try {
            if (!code.equals(Currency.getInstance(code).getCurrencyCode())) {
                throw new IllegalArgumentException(code);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("authorize-payment: input member 'currency' is not an ISO 4217 code: '"
                    + code + "'", e);
        }
    }

    /** The provider's reason if PaymentDeclined knows it, else DO_NOT_HONOR (a generic refusal). */
    private static String normalized(String reason) {
        return Arrays.stream(PaymentDeclined.DeclineReason.values()).map(Enum::name).filter(n -> n.equals(reason))
                .findFirst().orElse(PaymentDeclined.DeclineReason.DO_NOT_HONOR.name());
    }

    record AuthorizeInput(String orderId, String customerId, BigDecimal amount, String currency) {
    }

    record AuthorizeOutput(String paymentId, String authorizationCode) {
    }

    record CaptureInput(String orderId, String paymentId) {
    }

    record CaptureOutput(String paymentId, Instant capturedAt) {
    }

    record OrderInput(String orderId) {
    }

    record VoidOutput(boolean voided) {
    }

    record RefundOutput(String refundId) {
    }
}
