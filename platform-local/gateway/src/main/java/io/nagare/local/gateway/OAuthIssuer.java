package io.nagare.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A Cognito-compatible OAuth2 issuer for machine clients: {@code POST /oauth2/token} with the client credentials
 * grant and HTTP Basic client authentication, access tokens as Cognito issues them (RS256 with {@code kid}; claims
 * {@code sub}, {@code token_use}, {@code scope}, {@code auth_time}, {@code iss}, {@code exp}, {@code iat},
 * {@code version}, {@code jti}, {@code client_id}; one hour), the JWKS and the OpenID discovery document.
 */
final class OAuthIssuer {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final long TOKEN_SECONDS = 3600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final PartnerRegistry partners;
    private final Supplier<Instant> clock;
    private final String issuer;

    OAuthIssuer(RSAKey key, PartnerRegistry partners, Supplier<Instant> clock, String issuer) {
        this.key = key;
        this.partners = partners;
        this.clock = clock;
        this.issuer = issuer;
    }

    String issuer() {
        return issuer;
    }

    /** The public keys, as the authorizer fetches them from {@code jwks_uri}. */
    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    GatewayResponse jwks() {
        return GatewayResponse.json(200, publicKeys().toString(true));
    }

    GatewayResponse discovery() {
        ObjectNode document = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("jwks_uri", issuer + JWKS_PATH)
                .put("token_endpoint", issuer + TOKEN_PATH);
        document.putArray("grant_types_supported").add("client_credentials");
        document.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic");
        document.putArray("response_types_supported").add("token");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        Set<String> scopes = new LinkedHashSet<>();
        partners.partners().forEach(p -> scopes.addAll(p.scopes()));
        scopes.forEach(document.putArray("scopes_supported")::add);
        return GatewayResponse.json(200, document.toString());
    }

    /** {@code POST /oauth2/token}: errors as Cognito answers them, {@code 400 {"error": "..."}}. */
    GatewayResponse token(String method, Map<String, String> headers, byte[] body) {
        if (!method.equals("POST")) {
            return GatewayResponse.message(405, "Method Not Allowed").withHeader("allow", "POST");
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request");
        }
        Map<String, List<String>> form = form(new String(body, StandardCharsets.UTF_8));
        Optional<Partner> client = authenticate(headers.get("authorization"), form);
        if (client.isEmpty()) {
            return error(400, "invalid_client");
        }
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            return error(400, "invalid_request");
        }
        switch (grantType) {
            case "client_credentials" -> {
                // the grant this issuer serves
            }
            // Cognito's user grants: this issuer has no users, so no code or refresh token is ever valid.
            case "authorization_code", "refresh_token" -> {
                return error(400, "invalid_grant");
            }
            default -> {
                return error(400, "unsupported_grant_type");
            }
        }
        List<String> granted;
        String scope = single(form, "scope");
        if (scope == null || scope.isBlank()) {
            granted = client.get().scopes();
        } else {
            granted = new ArrayList<>(new LinkedHashSet<>(List.of(scope.trim().split("\\s+"))));
            if (!client.get().scopes().containsAll(granted)) {
                return error(400, "invalid_scope");
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("access_token", issue(client.get(), granted))
                .put("expires_in", TOKEN_SECONDS).put("token_type", "Bearer");
        return GatewayResponse.json(200, answer.toString()).withHeader("cache-control", "no-store")
                .withHeader("pragma", "no-cache");
    }

    /** An access token as Cognito issues one for the client credentials grant. */
    String issue(Partner client, List<String> scopes) {
        Instant now = clock.get();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plusSeconds(TOKEN_SECONDS)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.clientId())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the issuer's RSA key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** HTTP Basic ({@code client_id:client_secret}, each form-encoded, RFC 6749 2.3.1), compared in constant time. */
    private Optional<Partner> authenticate(String authorization, Map<String, List<String>> form) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        String bodyClientId = single(form, "client_id");
        if (bodyClientId != null && !bodyClientId.equals(clientId)) {
            return Optional.empty();
        }
        return partners.byClientId(clientId).filter(p -> MessageDigest.isEqual(
                p.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static GatewayResponse error(int status, String error) {
        return GatewayResponse.json(status, "{\"error\":\"" + error + "\"}");
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

}
