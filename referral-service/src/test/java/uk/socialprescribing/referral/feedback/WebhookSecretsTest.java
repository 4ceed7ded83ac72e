package uk.socialprescribing.referral.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Webhook secrets sealed at rest with AES-256-GCM, bound to their webhook, under keys that rotate. */
class WebhookSecretsTest {

    static String key(String id, int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return id + ":" + Base64.getEncoder().encodeToString(bytes);
    }

    final UUID webhook = UUID.randomUUID();

    @Test
    void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
        WebhookSecrets secrets = WebhookSecrets.of(List.of(key("k1", 1)));
        String sealed = secrets.seal(webhook, "whsec_abcdef0123456789");
        assertTrue(sealed.startsWith("aesgcm:k1:") && !sealed.contains("abcdef"), sealed);
        assertEquals("whsec_abcdef0123456789", secrets.open(webhook, sealed));
        // a fresh nonce each time: the same secret never seals the same twice
        assertNotEquals(sealed, secrets.seal(webhook, "whsec_abcdef0123456789"));
        assertTrue(secrets.isCurrent(sealed));
    }

    @Test
    void anAlteredSecretOrOneCopiedOntoAnotherWebhookDoesNotOpen() {
        WebhookSecrets secrets = WebhookSecrets.of(List.of(key("k1", 1)));
        String sealed = secrets.seal(webhook, "whsec_abcdef0123456789");
        assertThrows(WebhookSecrets.Unreadable.class, () -> secrets.open(UUID.randomUUID(), sealed));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("aesgcm:k1:".length()));
        bytes[bytes.length - 1] ^= 1;
        String altered = "aesgcm:k1:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(WebhookSecrets.Unreadable.class, () -> secrets.open(webhook, altered));
        assertThrows(WebhookSecrets.Unreadable.class, () -> secrets.open(webhook, "aesgcm:k1:AAAA"));
    }

    @Test
    void aRotationOpensWhatTheOldKeySealedAndSealsUnderTheNewOne() {
        String sealedBefore = WebhookSecrets.of(List.of(key("k1", 1))).seal(webhook, "whsec_old");
        // step 1: the new key known to every replica, the old one still sealing
        WebhookSecrets learning = WebhookSecrets.of(List.of(key("k1", 1), key("k2", 2)));
        assertEquals("k1", learning.currentKey());
        // step 2: the new key seals; both open
        WebhookSecrets rotated = WebhookSecrets.of(List.of(key("k2", 2), key("k1", 1)));
        assertEquals("whsec_old", rotated.open(webhook, sealedBefore));
        assertFalse(rotated.isCurrent(sealedBefore));
        String resealed = rotated.seal(webhook, rotated.open(webhook, sealedBefore));
        assertTrue(resealed.startsWith("aesgcm:k2:") && rotated.isCurrent(resealed));
        assertEquals("whsec_old", learning.open(webhook, resealed));
        // step 3: the old key gone, what it sealed no longer opens (the job resealed it all first)
        WebhookSecrets after = WebhookSecrets.of(List.of(key("k2", 2)));
        assertEquals("whsec_old", after.open(webhook, resealed));
        WebhookSecrets.Unreadable refused = assertThrows(WebhookSecrets.Unreadable.class, () -> after.open(webhook, sealedBefore));
        assertTrue(refused.getMessage().contains("key 'k1'"), refused.getMessage());
        // a key of the same id but other bytes does not open either
        assertThrows(WebhookSecrets.Unreadable.class, () -> WebhookSecrets.of(List.of(key("k1", 9))).open(webhook, sealedBefore));
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIsAndIsNotCurrent() {
        WebhookSecrets secrets = WebhookSecrets.of(List.of(key("k1", 1)));
        assertEquals("whsec_plain", secrets.open(webhook, "whsec_plain"));
        assertFalse(secrets.isCurrent("whsec_plain"));
    }

    @Test
    void aMissingOrBadKeyStopsTheServiceSayingWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(List.of())).getMessage()
                .contains("REFERRAL_WEBHOOKS_SECRET_KEYS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(List.of("k1:" + Base64.getEncoder()
                .encodeToString(new byte[16])))).getMessage().contains("is 16 bytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(List.of("k1:not base64!"))).getMessage()
                .contains("not base64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(List.of(Base64.getEncoder()
                .encodeToString(new byte[32])))).getMessage().contains("each key is id:base64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(List.of(key("k1", 1), key("k1", 2))))
                .getMessage().contains("given twice"));
    }
}
