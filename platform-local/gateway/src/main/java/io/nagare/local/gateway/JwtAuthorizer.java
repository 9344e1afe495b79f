package io.nagare.local.gateway;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * API Gateway's JWT authorizer for HTTP APIs, as its documentation lays out the checks, in order: a token in
 * {@code Authorization} (alone or after {@code Bearer}), decodable, signed with a key of the issuer's JWKS named
 * by its {@code kid}; {@code iss} the issuer; {@code aud} or else {@code client_id} one of the allowed audiences;
 * {@code exp} after now; {@code nbf} and {@code iat}, when present, not after now; then {@code scope} (or
 * {@code scp}) holding at least one of the route's scopes. A token that fails answers 401
 * {@code {"message":"Unauthorized"}}, a missing scope 403 {@code {"message":"Forbidden"}}; the
 * {@code www-authenticate} header carries the reason in RFC 6750's form, as API Gateway's does.
 */
final class JwtAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWKSet keys;
    private final String issuer;
    private final Set<String> audiences;
    private final Supplier<Instant> clock;

    JwtAuthorizer(JWKSet keys, String issuer, Set<String> audiences, Supplier<Instant> clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
    }

    /** The token's claims and scopes, or the refusal to answer. */
    record Decision(GatewayResponse refusal, Map<String, String> claims, List<String> scopes) {
        boolean allowed() {
            return refusal == null;
        }
    }

    Decision authorize(String authorization, Set<String> routeScopes) {
        if (authorization == null || authorization.isBlank()) {
            return refuse(GatewayResponse.message(401, "Unauthorized").withHeader("www-authenticate", "Bearer"));
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("the token is not a valid JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return invalid("signing method " + jwt.getHeader().getAlgorithm() + " is invalid");
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) {
            return invalid("the token does not have a valid key id (kid) in the issuer's JWKS");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                return invalid("the token does not have a valid signature");
            }
        } catch (JOSEException e) {
            return invalid("the token does not have a valid signature");
        }
        if (!issuer.equals(claims.getIssuer())) {
            return invalid("the token does not have a valid issuer");
        }
        List<String> audience = claims.getAudience();
        boolean validAudience = audience != null && !audience.isEmpty()
                ? audience.stream().anyMatch(audiences::contains)
                : audiences.contains(text(claims.getClaim("client_id")));
        if (!validAudience) {
            return invalid("the token does not have a valid audience");
        }
        Instant now = clock.get();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant())) {
            return invalid("the token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant())) {
            return invalid("the token is not valid yet");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && now.isBefore(issued.toInstant())) {
            return invalid("the token is not valid yet");
        }
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && scopes.stream().noneMatch(routeScopes::contains)) {
            String expected = String.join(" ", routeScopes);
            return refuse(GatewayResponse.message(403, "Forbidden").withHeader("www-authenticate",
                    "Bearer scope=\"" + expected + "\" error=\"insufficient_scope\" error_description=\"the token"
                            + " does not have a required scope\""));
        }
        return new Decision(null, claimsAsText(claims), scopes);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        List<String> scopes = new ArrayList<>();
        if (scope instanceof String text && !text.isBlank()) {
            scopes.addAll(List.of(text.trim().split("\\s+")));
        } else if (scope instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(String.valueOf(value)));
        }
        return scopes;
    }

    /** Claims as API Gateway passes them: every value a string; dates in epoch seconds, arrays as {@code [a b]}. */
    private static Map<String, String> claimsAsText(JWTClaimsSet claims) {
        Map<String, String> text = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> text.put(name, text(value)));
        return text;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(JwtAuthorizer::text).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static Decision invalid(String description) {
        return refuse(GatewayResponse.message(401, "Unauthorized").withHeader("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\""));
    }

    private static Decision refuse(GatewayResponse refusal) {
        return new Decision(refusal, Map.of(), List.of());
    }
}
