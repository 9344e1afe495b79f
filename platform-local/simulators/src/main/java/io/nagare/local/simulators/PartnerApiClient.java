package io.nagare.local.simulators;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.runtime.LocalClock;

/**
 * The carrier as a partner of the platform: gets an access token ({@code POST {tokenUrl}}, client credentials grant,
 * HTTP Basic client authentication) and posts structured CloudEvents to {@code POST {partnerApiUrl}/v1/events} with
 * it. The token is reused until shortly before it expires, and fetched again after a 401.
 */
final class PartnerApiClient {

    enum Outcome {
        /** The partner API took the event (2xx). */
        DELIVERED,
        /**
         * Try again later: no answer, the token refused (401), the grant not (yet) known (403), no route yet (404),
         * throttled (429), a server error (5xx).
         */
        RETRY,
        /** The partner API refused the event itself (400, 413, 415, 422): sending it again cannot help. */
        REJECTED
    }

    record Result(Outcome outcome, String detail) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI eventsUrl;
    private final URI tokenUrl;
    private final String basicCredentials;
    private final LocalClock clock;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    PartnerApiClient(URI partnerApiUrl, URI tokenUrl, String clientId, String clientSecret, LocalClock clock) {
        this.eventsUrl = URI.create(SimulatorSettings.trimmed(partnerApiUrl) + "/v1/events");
        this.tokenUrl = tokenUrl;
        // RFC 6749 2.3.1: each part form-encoded before Basic encoding
        this.basicCredentials = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    Result post(JsonNode cloudEvent) {
        try {
            String bearer = token();
            if (bearer == null) {
                return new Result(Outcome.RETRY, "no access token from " + tokenUrl);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(eventsUrl).timeout(TIMEOUT)
                    .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                    .header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(cloudEvent.toString(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            String detail = "POST " + eventsUrl + " answered " + status + ": " + response.body();
            if (status / 100 == 2) {
                return new Result(Outcome.DELIVERED, detail);
            }
            if (status == 401) {
                forgetToken();
                return new Result(Outcome.RETRY, detail);
            }
            boolean eventRefused = status == 400 || status == 413 || status == 415 || status == 422;
            return new Result(eventRefused ? Outcome.REJECTED : Outcome.RETRY, detail);
        } catch (IOException e) {
            return new Result(Outcome.RETRY, "POST " + eventsUrl + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, "POST " + eventsUrl + " interrupted");
        }
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private synchronized String token() throws IOException, InterruptedException {
        Instant now = clock.now();
        if (token != null && now.isBefore(tokenExpiresAt.minus(TOKEN_MARGIN))) {
            return token;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basicCredentials)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            System.getLogger(PartnerApiClient.class.getName()).log(System.Logger.Level.WARNING,
                    "carrier simulator: POST " + tokenUrl + " answered " + response.statusCode() + ": "
                            + response.body());
            return null;
        }
        JsonNode answer = Json.parse(response.body());
        JsonNode accessToken = answer.get("access_token");
        if (accessToken == null || !accessToken.isTextual()) {
            return null;
        }
        token = accessToken.asText();
        tokenExpiresAt = now.plusSeconds(answer.path("expires_in").asLong(3600));
        return token;
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
