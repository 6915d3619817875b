package org.enma.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.enma.schema.SetupId;

/**
 * docs/analytics.md § Setup: the setupId is the first 24 hex digits of the SHA-256 of the setup's canonical JSON (keys
 * sorted at every level, no whitespace), so the same parameters always give the same id and a rerun overwrites its
 * own results.
 */
public final class SetupIds {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SetupIds() {
    }

    public static String canonicalJson(Map<String, Object> setup) {
        try {
            return CANONICAL.writeValueAsString(setup);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the setup cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public static SetupId of(Map<String, Object> setup) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(setup).getBytes(StandardCharsets.UTF_8));
            return SetupId.of(HexFormat.of().formatHex(hash).substring(0, 24));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
