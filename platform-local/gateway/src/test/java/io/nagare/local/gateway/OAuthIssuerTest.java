package io.nagare.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthIssuerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String ISSUER = "http://localhost:8080";

    @TempDir
    Path dataDirectory;

    private PartnerRegistry partners;
    private RSAKey key;
    private OAuthIssuer issuer;
    private Partner storefront;
    private Partner carrier;

    @BeforeEach
    void create() {
        partners = PartnerRegistry.loadOrCreate(dataDirectory, SchemaRegistry.fromClasspath());
        key = SigningKey.loadOrCreate(dataDirectory);
        issuer = new OAuthIssuer(key, partners, () -> NOW, ISSUER);
        storefront = partners.partners().get(0);
        carrier = partners.partners().get(1);
    }

    @Test
    void token_shouldIssueACognitoAccessToken_whenTheClientCredentialsAreRight() throws Exception {
        GatewayResponse response = token(basic(storefront), "grant_type=client_credentials");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsOnlyKeys("sub", "token_use", "scope", "auth_time",
                "iss", "exp", "iat", "version", "jti", "client_id");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("events/publish processes/read");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(storefront.clientId());
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void token_shouldGrantOnlyTheAskedScope_whenAScopeIsGiven() throws Exception {
        GatewayResponse response = token(basic(storefront), "grant_type=client_credentials&scope=processes%2Fread");

        SignedJWT jwt = SignedJWT.parse(JSON.readTree(response.body()).get("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("processes/read");
    }

    @Test
    void token_shouldAnswerInvalidScope_whenTheClientMayNotHaveTheScope() {
        assertError(token(basic(carrier), "grant_type=client_credentials&scope=processes/read"), "invalid_scope");
    }

    @Test
    void token_shouldAnswerInvalidClient_whenTheSecretIsWrong() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString((storefront.clientId() + ":nope")
                .getBytes(StandardCharsets.UTF_8));

        assertError(token(wrong, "grant_type=client_credentials"), "invalid_client");
    }

    @Test
    void token_shouldAnswerInvalidClient_whenThereIsNoClientAuthentication() {
        assertError(token(null, "grant_type=client_credentials&client_id=" + storefront.clientId()), "invalid_client");
    }

    @Test
    void token_shouldAnswerUnsupportedGrantType_whenTheGrantIsUnknown() {
        assertError(token(basic(storefront), "grant_type=password"), "unsupported_grant_type");
    }

    @Test
    void token_shouldAnswerInvalidGrant_whenACodeIsPresented() {
        assertError(token(basic(storefront), "grant_type=authorization_code&code=abc"), "invalid_grant");
    }

    @Test
    void token_shouldAnswerInvalidRequest_whenTheGrantTypeIsMissing() {
        assertError(token(basic(storefront), "scope=events/publish"), "invalid_request");
    }

    @Test
    void loadOrCreate_shouldKeepSecretsAndKey_whenStartedAgain() throws Exception {
        PartnerRegistry again = PartnerRegistry.loadOrCreate(dataDirectory, SchemaRegistry.fromClasspath());

        assertThat(again.partners()).isEqualTo(partners.partners());
        assertThat(SigningKey.loadOrCreate(dataDirectory)).isEqualTo(key);
        assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("partners.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(storefront.name()).isEqualTo("storefront");
        assertThat(storefront.sources()).containsExactly("nagare.partner.storefront");
        assertThat(storefront.types()).containsExactly("OrderPlaced");
        assertThat(carrier.sources()).containsExactly("nagare.partner.carrier");
        assertThat(carrier.types()).contains("ShipmentDispatched", "ShipmentFailed", "ShipmentStatusUpdated");
        assertThat(carrier.scopes()).containsExactly("events/publish");
        assertThat(storefront.clientSecret()).hasSize(51).isNotEqualTo(carrier.clientSecret());
    }

    @Test
    void discovery_shouldNameTheIssuerAndItsEndpoints_whenAsked() throws Exception {
        JsonNode document = JSON.readTree(issuer.discovery().body());

        assertThat(document.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(document.get("jwks_uri").asText()).isEqualTo(ISSUER + "/.well-known/jwks.json");
        assertThat(document.get("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
        JsonNode jwks = JSON.readTree(issuer.jwks().body());
        assertThat(jwks.at("/keys/0/kid").asText()).isEqualTo(key.getKeyID());
        assertThat(jwks.at("/keys/0/d").isMissingNode()).as("no private part").isTrue();
    }

    private GatewayResponse token(String authorization, String form) {
        Map<String, String> headers = authorization == null
                ? Map.of("content-type", "application/x-www-form-urlencoded")
                : Map.of("content-type", "application/x-www-form-urlencoded", "authorization", authorization);
        return issuer.token("POST", headers, form.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(Partner partner) {
        return "Basic " + Base64.getEncoder().encodeToString((partner.clientId() + ":" + partner.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(GatewayResponse response, String error) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"" + error + "\"}");
    }
}
