package org.accord.identity.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs every token, kept as a JWK set in one file. Created at the first start
 * and read on every later one, so tokens issued before a restart still verify afterwards (a key
 * generated in memory would silently invalidate every token in circulation on each restart).
 */
public final class SigningKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private final Path file;

    public SigningKeyFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * The signing key: the stored one, or a new 2048-bit RS256 key that is stored first. Several
     * instances sharing the file (two identity replicas on one volume) that start at the same
     * moment all end up with one key: a new key is only ever put in place if no file is there
     * yet, and whoever loses that race reads the winner's key instead of its own.
     */
    public synchronized RSAKey loadOrCreate() {
        if (Files.exists(file)) {
            return load();
        }
        RSAKey key = generate();
        if (storeIfAbsent(key)) {
            log.info("Created a new token signing key {} in {}", key.getKeyID(), file);
            return key;
        }
        return load();
    }

    private RSAKey load() {
        try {
            JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
                    log.info("Using token signing key {} from {}", rsa.getKeyID(), file);
                    return rsa;
                }
            }
            throw new IllegalStateException("No private RSA key in " + file + "; remove the file to create a new key");
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not a JWK set: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key file " + file, e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    /**
     * Writes the key completely into a temporary file, then gives it the file's name only if the
     * name is still free: a hard link is created atomically or not at all, so a reader never sees
     * a half-written key and a key already in place is never replaced. Where the file system has
     * no hard links, a move without replacement does the same except for a tiny window.
     *
     * @return whether this key is now the stored one
     */
    private boolean storeIfAbsent(RSAKey key) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "jwk", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, new JWKSet(key).toString(false), StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    return false;
                }
                Files.move(temporary, file);
                temporary = null;
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the signing key in " + file, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    log.warn("Could not remove the temporary key file {}: {}", temporary, e.getMessage());
                }
            }
        }
    }
}
