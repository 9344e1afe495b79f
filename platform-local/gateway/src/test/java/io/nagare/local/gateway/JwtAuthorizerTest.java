package io.nagare.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    private static final String ISSUER = "http://localhost:8080";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final RSAKey KEY = key("key-1");
    private static final Partner STOREFRONT = new Partner("storefront", "client-a", "secret",
            List.of("events/publish", "processes/read"), List.of("nagare.partner.storefront"), List.of("OrderPlaced"), 10);

    private final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    private final JwtAuthorizer authorizer = new JwtAuthorizer(new JWKSet(KEY.toPublicJWK()), ISSUER,
            Set.of("client-a"), clock::get);
    private final OAuthIssuer issuer = new OAuthIssuer(KEY, null, clock::get, ISSUER);

    @Test
    void authorize_shouldPassTheClaimsAsText_whenTheTokenIsValid() {
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + issuer.issue(STOREFRONT,
                List.of("events/publish")), Set.of("events/publish"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.claims()).containsEntry("client_id", "client-a").containsEntry("token_use", "access")
                .containsEntry("scope", "events/publish").containsEntry("iat", Long.toString(NOW.getEpochSecond()))
                .containsEntry("exp", Long.toString(NOW.getEpochSecond() + 3600)).containsEntry("version", "2")
                .containsKeys("jti", "auth_time", "sub", "iss");
        assertThat(decision.scopes()).containsExactly("events/publish");
    }

    @Test
    void authorize_shouldAccept_whenTheTokenComesWithoutBearer() {
        assertThat(authorizer.authorize(issuer.issue(STOREFRONT, List.of("events/publish")), Set.of("events/publish"))
                .allowed()).isTrue();
    }

    @Test
    void authorize_shouldAnswer401_whenThereIsNoToken() {
        assertRefused(authorizer.authorize(null, Set.of()), 401, "Unauthorized", "Bearer");
    }

    @Test
    void authorize_shouldAnswer401_whenTheSignatureIsNotTheIssuers() {
        String forged = sign(key("key-1"), "RS256", claims().build());

        assertRefused(authorizer.authorize("Bearer " + forged, Set.of()), 401, "Unauthorized",
                invalid("the token does not have a valid signature"));
    }

    @Test
    void authorize_shouldAnswer401_whenTheAlgorithmIsNotRs256() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                claims().build());
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        assertRefused(authorizer.authorize("Bearer " + jwt.serialize(), Set.of()), 401, "Unauthorized",
                invalid("signing method HS256 is invalid"));
    }

    @Test
    void authorize_shouldAnswer401_whenTheIssuerIsAnother() {
        String token = sign(KEY, "RS256", claims().issuer("https://cognito-idp.ap-northeast-1.amazonaws.com/pool")
                .build());

        assertRefused(authorizer.authorize("Bearer " + token, Set.of()), 401, "Unauthorized",
                invalid("the token does not have a valid issuer"));
    }

    @Test
    void authorize_shouldAnswer401_whenTheTokenHasExpired() {
        String token = issuer.issue(STOREFRONT, List.of("events/publish"));
        clock.set(NOW.plus(Duration.ofHours(1)));

        assertRefused(authorizer.authorize("Bearer " + token, Set.of()), 401, "Unauthorized",
                invalid("the token has expired"));
    }

    @Test
    void authorize_shouldAnswer401_whenTheTokenIsNotValidYet() {
        String token = sign(KEY, "RS256", claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build());

        assertRefused(authorizer.authorize("Bearer " + token, Set.of()), 401, "Unauthorized",
                invalid("the token is not valid yet"));
    }

    @Test
    void authorize_shouldAnswer401_whenTheClientIsNotAnAllowedAudience() {
        Partner other = new Partner("other", "client-b", "secret", List.of("events/publish"), List.of(), List.of(), 1);

        assertRefused(authorizer.authorize("Bearer " + issuer.issue(other, List.of("events/publish")), Set.of()),
                401, "Unauthorized", invalid("the token does not have a valid audience"));
    }

    @Test
    void authorize_shouldAccept_whenTheAudienceClaimNamesAnAllowedClient() {
        String token = sign(KEY, "RS256", claims().claim("client_id", "client-b").audience("client-a").build());

        assertThat(authorizer.authorize(token, Set.of()).allowed()).isTrue();
    }

    @Test
    void authorize_shouldAnswer403_whenTheTokenHasNoneOfTheRoutesScopes() {
        String token = issuer.issue(STOREFRONT, List.of("events/publish"));

        assertRefused(authorizer.authorize("Bearer " + token, Set.of("processes/read")), 403, "Forbidden",
                "Bearer scope=\"processes/read\" error=\"insufficient_scope\" error_description=\"the token does not"
                        + " have a required scope\"");
    }

    @Test
    void authorize_shouldAnswer401_whenTheTokenIsNotAJwt() {
        assertRefused(authorizer.authorize("Bearer not-a-token", Set.of()), 401, "Unauthorized",
                invalid("the token is not a valid JWT"));
    }

    private static String invalid(String description) {
        return "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"";
    }

    private static void assertRefused(JwtAuthorizer.Decision decision, int status, String message, String challenge) {
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.refusal().status()).isEqualTo(status);
        assertThat(new String(decision.refusal().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"" + message + "\"}");
        assertThat(decision.refusal().headers()).contains(java.util.Map.entry("www-authenticate", challenge));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("client-a").issuer(ISSUER).claim("client_id", "client-a")
                .claim("token_use", "access").claim("scope", "events/publish")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private static String sign(RSAKey key, String algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm))
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
