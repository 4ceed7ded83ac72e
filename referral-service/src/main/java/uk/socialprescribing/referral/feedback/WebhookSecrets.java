package uk.socialprescribing.referral.feedback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest: each sealed with AES-256-GCM under a key the deployment holds outside the database
 * (an environment variable from a Kubernetes Secret), with the webhook's id as associated data, so that a secret copied
 * onto another webhook's row does not open. A sealed secret reads {@code aesgcm:<key id>:<base64 of nonce and
 * ciphertext>}; the key id says which key opens it.
 *
 * <p>Keys are {@code id:base64-of-32-bytes}, the first sealing and every one opening: to rotate, add the new key
 * second, then first (every replica can open both by then), let the resealing job move every row onto it, and only then
 * drop the old one (docs/information-governance.md, "Webhook secrets").
 */
public final class WebhookSecrets {

    static final String PREFIX = "aesgcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret that cannot be opened here: sealed under a key this replica does not hold, or altered. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final String current;
    private final Map<String, SecretKey> keys;

    private WebhookSecrets(String current, Map<String, SecretKey> keys) {
        this.current = current;
        this.keys = keys;
    }

    /**
     * The keys a configuration value names, the first sealing. A missing, malformed or short key fails at start with
     * what is wrong, never at the first webhook.
     */
    public static WebhookSecrets of(List<String> configured) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : configured) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("referral.webhooks.secret-keys: each key is id:base64 of 32 bytes, the id of letters,"
                        + " digits, - or _ (at most 32); one is not");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("referral.webhooks.secret-keys: key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("referral.webhooks.secret-keys: key '" + id + "' is " + key.length
                        + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("referral.webhooks.secret-keys: key id '" + id + "' is given twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("referral.webhooks.secret-keys (REFERRAL_WEBHOOKS_SECRET_KEYS) names no key: webhook"
                    + " secrets are kept encrypted, so a deployment must give one (id:base64 of 32 random bytes)");
        }
        return new WebhookSecrets(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** The id of the key that seals. */
    public String currentKey() {
        return current;
    }

    /** The secret sealed under the current key, bound to this webhook. */
    public String seal(UUID webhook, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(current), nonce, webhook, secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + current + ":" + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * The secret itself. A value without the prefix is a secret stored before sealing (the resealing job seals it); it
     * is returned as it is.
     */
    public String open(UUID webhook, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new Unreadable("the webhook's secret is sealed under key '" + keyId + "', which this replica does not hold");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the webhook's sealed secret is not base64");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new Unreadable("the webhook's sealed secret is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, webhook, sealed), StandardCharsets.UTF_8);
    }

    /** Whether this stored value is sealed under the current key (else the resealing job takes it). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(PREFIX + current + ":");
    }

    private static byte[] cipher(int mode, SecretKey key, byte[] nonce, UUID webhook, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(16).putLong(webhook.getMostSignificantBits()).putLong(webhook.getLeastSignificantBits()).array());
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("the webhook's sealed secret does not open: it was altered, or belongs to another webhook");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
