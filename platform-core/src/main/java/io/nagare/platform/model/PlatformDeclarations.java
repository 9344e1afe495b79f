package io.nagare.platform.model;

/**
 * What a domain or a saga module contributes to the platform model. Implement it once per module and list the
 * class in {@code META-INF/services/io.nagare.platform.model.PlatformDeclarations}; {@link PlatformModel#discover()}
 * finds every implementation on the classpath.
 *
 * <pre>{@code
 * public final class InventoryDeclarations implements PlatformDeclarations {
 *     public String owner() { return "inventory"; }
 *
 *     public void declare(PlatformModel.Builder model) {
 *         model.table("reservations", t -> t.partitionKey("reservationId", AttributeType.S));
 *         model.function("reserve-inventory", f -> f.handler(ReserveInventoryHandler.class).writes("reservations"));
 *     }
 * }
 * }</pre>
 */
public interface PlatformDeclarations {

    /** The bounded context these declarations belong to ({@code orders}, {@code payments}, ...). */
    String owner();

    /** Adds this module's declarations; each one is owned by {@link #owner()} unless it names another owner. */
    void declare(PlatformModel.Builder model);
}
