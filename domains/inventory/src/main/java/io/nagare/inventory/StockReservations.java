package io.nagare.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.nagare.events.inventory.v1.InventoryReservationFailed;
import io.nagare.inventory.InventoryStore.StockChange;
import io.nagare.inventory.internal.ReservationItem;
import io.nagare.inventory.internal.ReservedLineItem;
import io.nagare.inventory.internal.StockItem;
import io.nagare.platform.idempotency.Idempotency;

/**
 * The reserve-inventory and release-inventory steps: all-or-nothing reservations of an order's lines, and their
 * release. Each step runs at most once per order ({@link Idempotency}, key {@code <orderId>#<step>}); behind that the
 * reservation record itself makes a repeated call a no-op that answers as the first did.
 */
final class StockReservations {

    static final String RESERVE_STEP = "reserve-inventory";
    static final String RELEASE_STEP = "release-inventory";

    private final InventoryStore store;
    private final Idempotency idempotency;
    private final InventoryEvents events;
    private final OptimisticRetry retry;
    private final Clock clock;
    private final Duration reservationRetention;

    /**
     * @param reservationRetention how long a reservation record is kept (its TTL); far longer than any saga waits, so
     *                             a reservation is never forgotten while its order is in flight
     */
    StockReservations(InventoryStore store, Idempotency idempotency, InventoryEvents events, OptimisticRetry retry,
                      Clock clock, Duration reservationRetention) {
        this.store = store;
        this.idempotency = idempotency;
        this.events = events;
        this.retry = retry;
        this.clock = clock;
        this.reservationRetention = reservationRetention;
    }

    /**
     * Reserves every line or none.
     *
     * @throws UnknownSkuException when a sku has no stock item (wins over out of stock)
     * @throws OutOfStockException when a sku has less available than requested
     * @throws IllegalStateException when the order's reservation was released already (the saga gave it up)
     */
    ReservationResult reserve(String orderId, List<StockLine> requested) {
        requireOrderId(RESERVE_STEP, orderId);
        List<StockLine> lines = StockLine.merge(RESERVE_STEP + " input lines", requested);
        if (lines.size() > InventoryStore.MAX_SKUS_PER_TRANSACTION) {
            throw new IllegalArgumentException("not supported: reserving " + lines.size() + " distinct skus for order '"
                    + orderId + "'; one reservation is one DynamoDB transaction, at most "
                    + InventoryStore.MAX_SKUS_PER_TRANSACTION + " skus");
        }
        return idempotency.run(Idempotency.key(orderId, RESERVE_STEP), ReservationResult.class,
                () -> retry.run("reserve order '" + orderId + "'", () -> attemptReserve(orderId, lines)));
    }

    /**
     * Returns the order's reserved stock to {@code available}.
     *
     * @return released true, or false when nothing was reserved (then a later reserve of the order is refused)
     */
    ReleaseResult release(String orderId) {
        requireOrderId(RELEASE_STEP, orderId);
        return idempotency.run(Idempotency.key(orderId, RELEASE_STEP), ReleaseResult.class,
                () -> retry.run("release order '" + orderId + "'", () -> attemptRelease(orderId)));
    }

    private ReservationResult attemptReserve(String orderId, List<StockLine> lines) {
        Optional<ReservationItem> existing = store.reservation(orderId);
        if (existing.isPresent()) {
            return alreadyReserved(existing.get(), lines);
        }
        List<String> skus = lines.stream().map(StockLine::sku).toList();
        Map<String, StockItem> stock = store.stock(skus);
        Instant now = clock.instant();
        List<String> unknown = skus.stream().filter(sku -> !stock.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            events.reservationFailed(orderId, InventoryReservationFailed.Reason.UNKNOWN_SKU, unknown, lines, now);
            throw new UnknownSkuException(orderId, unknown);
        }
        List<String> lacking = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (StockLine line : lines) {
            long available = stock.get(line.sku()).getAvailable();
            if (available < line.quantity()) {
                lacking.add(line.sku());
                detail.append(detail.length() == 0 ? "" : ", ").append(line.sku()).append(" (requested ")
                        .append(line.quantity()).append(", available ").append(available).append(')');
            }
        }
        if (!lacking.isEmpty()) {
            events.reservationFailed(orderId, InventoryReservationFailed.Reason.OUT_OF_STOCK, lacking, lines, now);
            throw new OutOfStockException(orderId, lacking, detail.toString());
        }
        List<StockChange> changes = new ArrayList<>(lines.size());
        for (StockLine line : lines) {
            StockItem item = stock.get(line.sku());
            item.setAvailable(item.getAvailable() - line.quantity());
            item.setReserved(item.getReserved() + line.quantity());
            item.setUpdatedAt(now);
            changes.add(new StockChange(item, line.quantity()));
        }
        ReservationItem reservation = new ReservationItem();
        reservation.setOrderId(orderId);
        reservation.setReservationId(UUID.randomUUID().toString());
        reservation.setLines(lines.stream().map(l -> new ReservedLineItem(l.sku(), l.quantity())).toList());
        reservation.setStatus(ReservationStatus.RESERVED.name());
        reservation.setReservedAt(now);
        reservation.setExpiresAt(now.plus(reservationRetention).getEpochSecond());
        reservation.setUpdatedAt(now);
        store.reserve(changes, reservation);
        events.reserved(reservation);
        return ReservationResult.of(reservation);
    }

    /** A reserve of an order that has a reservation record: the same answer again, or a refusal. */
    private ReservationResult alreadyReserved(ReservationItem existing, List<StockLine> lines) {
        ReservationStatus status = ReservationStatus.valueOf(existing.getStatus());
        if (status != ReservationStatus.RESERVED) {
            throw new IllegalStateException("order '" + existing.getOrderId() + "': its reservation is " + status
                    + (existing.getReleasedAt() == null ? "" : " since " + existing.getReleasedAt())
                    + "; an order given up by its saga is not reserved again");
        }
        List<StockLine> held = existing.getLines().stream().map(l -> new StockLine(l.getSku(), l.getQuantity()))
                .toList();
        if (!held.equals(lines)) {
            throw new IllegalStateException("order '" + existing.getOrderId() + "' already holds reservation "
                    + existing.getReservationId() + " of " + held + "; refusing to reserve different lines " + lines);
        }
        // the first attempt may have stopped between its commit and its event: publish again, under the same id
        events.reserved(existing);
        return ReservationResult.of(existing);
    }

    private ReleaseResult attemptRelease(String orderId) {
        Optional<ReservationItem> existing = store.reservation(orderId);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            ReservationItem blocked = new ReservationItem();
            blocked.setOrderId(orderId);
            blocked.setLines(List.of());
            blocked.setStatus(ReservationStatus.BLOCKED.name());
            blocked.setReleasedAt(now);
            blocked.setExpiresAt(now.plus(reservationRetention).getEpochSecond());
            blocked.setUpdatedAt(now);
            store.createReservation(blocked);
            return new ReleaseResult(false);
        }
        ReservationItem reservation = existing.get();
        switch (ReservationStatus.valueOf(reservation.getStatus())) {
            case BLOCKED:
                return new ReleaseResult(false);
            case RELEASED:
                events.released(reservation);
                return new ReleaseResult(true);
            case RESERVED:
            default:
                break;
        }
        List<String> skus = reservation.getLines().stream().map(ReservedLineItem::getSku).toList();
        Map<String, StockItem> stock = store.stock(skus);
        List<StockChange> changes = new ArrayList<>();
        for (ReservedLineItem line : reservation.getLines()) {
            StockItem item = stock.get(line.getSku());
            if (item == null || item.getReserved() < line.getQuantity()) {
                throw new IllegalStateException("order '" + orderId + "': reservation " + reservation.getReservationId()
                        + " holds " + line.getQuantity() + " of " + line.getSku() + " but the inventory has "
                        + (item == null ? "no such sku" : item.getReserved() + " reserved")
                        + "; the tables disagree, not releasing");
            }
            item.setAvailable(item.getAvailable() + line.getQuantity());
            item.setReserved(item.getReserved() - line.getQuantity());
            item.setUpdatedAt(now);
            changes.add(new StockChange(item, line.getQuantity()));
        }
        reservation.setStatus(ReservationStatus.RELEASED.name());
        reservation.setReleasedAt(now);
        reservation.setUpdatedAt(now);
        store.release(changes, reservation);
        events.released(reservation);
        return new ReleaseResult(true);
    }

    private static void requireOrderId(String step, String orderId) {
        if (orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException(step + " input: orderId is required");
        }
    }

    /** The reserve-inventory output. */
    record ReservationResult(String reservationId, Instant expiresAt) {
        static ReservationResult of(ReservationItem reservation) {
            return new ReservationResult(reservation.getReservationId(),
                    Instant.ofEpochSecond(reservation.getExpiresAt()));
        }
    }

    /** The release-inventory output. */
    record ReleaseResult(boolean released) {
    }
}
