-- Switchboard webhook delivery store (dev.switchboard.core.webhook.JdbcDeliveryStore).
-- One row per delivery taken: state IN_PROGRESS under a lease, or HANDLED until it expires.
-- Times are epoch milliseconds, so the table behaves the same on every database and time zone.
CREATE TABLE switchboard_webhook_delivery (
  source VARCHAR(100) NOT NULL,
  delivery_key VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL,
  holder VARCHAR(64),
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (source, delivery_key)
);
