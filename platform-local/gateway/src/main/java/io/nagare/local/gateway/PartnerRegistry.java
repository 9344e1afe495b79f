package io.nagare.local.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.api.PlatformApiDeclarations;
import io.nagare.api.events.PartnerGrant;
import io.nagare.api.events.PartnersTable;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;

/**
 * The partners: generated once into {@code <data-dir>/partners.json} (random client ids and secrets, readable by the
 * owner only), read back on every later start, and written (without secrets) to the {@code partners} table through
 * the runtime's DynamoDB, in-process, so {@code partner-events} reads the same grants.
 */
final class PartnerRegistry {

    static final String FILE_NAME = "partners.json";
    static final String STOREFRONT_SOURCE = "nagare.partner.storefront";
    static final String CARRIER_SOURCE = "nagare.partner.carrier";
    /**
     * 100 events a second per partner: a real limit (a runaway partner gets 429s), yet above what one machine's
     * demo posts (a carrier posts three events per order), so the demo measures the platform rather than the limit.
     */
    static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 6_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Partner> partners;

    private PartnerRegistry(List<Partner> partners) {
        this.partners = List.copyOf(partners);
    }

    /** The partners of {@code dataDirectory/partners.json}, created first when missing. */
    static PartnerRegistry loadOrCreate(Path dataDirectory, SchemaRegistry schemas) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new PartnerRegistry(JSON.readValue(file.toFile(), new TypeReference<List<Partner>>() { }));
            }
            List<Partner> created = List.of(
                    create("storefront", List.of("events/publish", "processes/read"), STOREFRONT_SOURCE, schemas),
                    create("carrier", List.of("events/publish"), CARRIER_SOURCE, schemas));
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, FILE_NAME, ".tmp");
            ownerOnly(temporary);
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(created),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return new PartnerRegistry(created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    List<Partner> partners() {
        return partners;
    }

    Optional<Partner> byClientId(String clientId) {
        return partners.stream().filter(p -> p.clientId().equals(clientId)).findFirst();
    }

    /**
     * Puts every partner's grant into the {@code partners} table.
     *
     * @throws IllegalStateException when DynamoDB refuses, e.g. the table is not created yet
     */
    void writeGrants(RuntimeContext runtime) {
        for (Partner partner : partners) {
            ObjectNode request = JSON.createObjectNode().put("TableName", PlatformApiDeclarations.PARTNERS_TABLE);
            request.set("Item", PartnersTable.itemJson(new PartnerGrant(partner.clientId(), partner.sources(),
                    partner.types(), partner.rateLimitPerMinute())));
            LocalResponse response;
            try {
                response = runtime.call(new LocalRequest("POST", "/", Map.of(), Map.of(
                        "X-Amz-Target", "DynamoDB_20120810.PutItem",
                        "Content-Type", "application/x-amz-json-1.0"), JSON.writeValueAsBytes(request)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (response.status() != 200) {
                throw new IllegalStateException("cannot write partner '" + partner.name() + "' to the table '"
                        + PlatformApiDeclarations.PARTNERS_TABLE + "': DynamoDB answered " + response.status() + " "
                        + new String(response.body(), StandardCharsets.UTF_8) + "; create the platform model's tables"
                        + " before starting the gateway");
            }
        }
    }

    private static Partner create(String name, List<String> scopes, String source, SchemaRegistry schemas) {
        List<String> types = new ArrayList<>();
        for (EventType type : schemas.eventTypes()) {
            if (type.source().equals(source)) {
                types.add(type.detailType());
            }
        }
        types.sort(null);
        // The shapes of Cognito app client ids (26) and secrets (51), from the same alphabet.
        return new Partner(name, random(26), random(51), scopes, List.of(source), types,
                DEFAULT_RATE_LIMIT_PER_MINUTE);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's ACL.
        }
    }
}
