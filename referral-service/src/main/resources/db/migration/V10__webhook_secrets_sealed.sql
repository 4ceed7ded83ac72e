-- Webhook secrets are kept sealed (AES-256-GCM, WebhookSecrets): aesgcm:<key id>:<base64 of nonce, ciphertext and tag>,
-- longer than the secret itself. Secrets stored before this are sealed by the resealing job (WebhookSecretKeys).
alter table webhook_subscription alter column secret type varchar(200);
