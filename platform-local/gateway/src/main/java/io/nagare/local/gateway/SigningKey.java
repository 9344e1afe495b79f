package io.nagare.local.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** The issuer's RS256 key pair, kept as a JWK in {@code <data-dir>/gateway-signing-key.json} so tokens survive a restart. */
final class SigningKey {

    static final String FILE_NAME = "gateway-signing-key.json";

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE).generate();
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, FILE_NAME, ".tmp");
            PartnerRegistry.ownerOnly(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not an RSA JWK (" + e.getMessage()
                    + "); delete it to make a new one (tokens issued with it stop being accepted)", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }
}
