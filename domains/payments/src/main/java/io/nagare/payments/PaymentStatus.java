package io.nagare.payments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A payment's lifecycle as an explicit transition table: a payment starts AUTHORIZED or DECLINED; an authorization is
 * captured or voided; a capture may be refunded. VOIDED, REFUNDED and DECLINED are final.
 */
enum PaymentStatus {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    REFUNDED,
    DECLINED;

    static final Set<PaymentStatus> INITIAL = EnumSet.of(AUTHORIZED, DECLINED);

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            AUTHORIZED, EnumSet.of(CAPTURED, VOIDED),
            CAPTURED, EnumSet.of(REFUNDED),
            VOIDED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class),
            DECLINED, EnumSet.noneOf(PaymentStatus.class));

    boolean canBecome(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    Set<PaymentStatus> next() {
        return NEXT.get(this);
    }
}
