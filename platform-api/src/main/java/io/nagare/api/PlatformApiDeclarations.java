package io.nagare.api;

import java.util.stream.Collectors;

import io.nagare.api.events.PartnerEventsHandler;
import io.nagare.api.events.PartnersTable;
import io.nagare.api.status.ProcessStatusHandler;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.FunctionDeclaration.SagaAccess;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;

/**
 * The platform's own part of the model: the bus every domain publishes to, and the partner HTTP API (its two
 * functions, their tables and routes).
 */
public final class PlatformApiDeclarations implements PlatformDeclarations {

    public static final String BUS = "nagare";
    public static final String DEDUP_TABLE = "partner-events-dedup";
    public static final String PARTNERS_TABLE = "partners";
    public static final String RATE_LIMITS_TABLE = "partner-rate-limits";
    public static final String PARTNER_EVENTS_FUNCTION = "partner-events";
    public static final String PROCESS_STATUS_FUNCTION = "process-status";
    /** The sagas whose instances process-status reports. */
    public static final String ORDER_FULFILMENT_SAGA = "order-fulfilment";
    /** Sources of the event types partners publish (the registry's {@code source}) start with this. */
    public static final String PARTNER_SOURCE_PREFIX = "nagare.partner.";

    /** Archived events are kept this long, so a consumer's bug can be repaired by replaying them. */
    static final int ARCHIVE_RETENTION_DAYS = 30;

    @Override
    public String owner() {
        return "platform";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.bus(BUS, b -> b.archiveRetentionDays(ARCHIVE_RETENTION_DAYS));
        model.table(DEDUP_TABLE, DynamoDbIdempotencyStore::declareTable);
        model.table(PARTNERS_TABLE, t -> t.partitionKey(PartnersTable.CLIENT_ID, AttributeType.S));
        model.table(RATE_LIMITS_TABLE, t -> t.partitionKey("id", AttributeType.S).ttlAttribute("expiresAt"));

        String[] partnerTypes = SchemaRegistry.fromClasspath().eventTypes().stream()
                .filter(type -> type.source().startsWith(PARTNER_SOURCE_PREFIX))
                .map(EventType::detailType)
                .sorted()
                .collect(Collectors.toList())
                .toArray(String[]::new);
        model.function(PARTNER_EVENTS_FUNCTION, f -> f
                .handler(PartnerEventsHandler.class)
                .memoryMb(1024)
                .readsAndWrites(DEDUP_TABLE, RATE_LIMITS_TABLE)
                .reads(PARTNERS_TABLE)
                .publishes(BUS, partnerTypes));
        model.function(PROCESS_STATUS_FUNCTION, f -> f
                .handler(ProcessStatusHandler.class)
                .saga(ORDER_FULFILMENT_SAGA, SagaAccess.READ));

        model.route("POST", "/v1/events", r -> r
                .scopes("events/publish")
                .target(Reference.function(PARTNER_EVENTS_FUNCTION)));
        model.route("GET", "/v1/processes", r -> r
                .scopes("processes/read")
                .target(Reference.function(PROCESS_STATUS_FUNCTION)));
    }
}
