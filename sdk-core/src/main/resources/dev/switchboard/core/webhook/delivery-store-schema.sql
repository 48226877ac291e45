-- Switchboard webhook delivery store (dev.switchboard.core.webhook.JdbcDeliveryStore), portable SQL
-- for any database. PostgreSQL and H2 have their own files beside this one (-postgresql.sql, -h2.sql).
-- One row per delivery taken: state IN_PROGRESS under a lease, or HANDLED until it expires.
-- Keys longer than 200 characters or not printable ASCII are stored as 'sha256:' and 64 hex digits.
-- Times are epoch milliseconds, so the table behaves the same on every database and time zone.
CREATE TABLE switchboard_webhook_delivery (
  source VARCHAR(100) NOT NULL,
  delivery_key VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL,
  holder VARCHAR(64),
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (source, delivery_key)
);
-- The purge deletes expired rows by this column.
CREATE INDEX switchboard_webhook_delivery_expires ON switchboard_webhook_delivery (expires_at);
