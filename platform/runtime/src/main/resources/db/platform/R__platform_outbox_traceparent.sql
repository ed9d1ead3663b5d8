-- The trace context of the request that wrote an event (W3C traceparent, 55 characters), sent with the event as the
-- CloudEvents extension "traceparent". Repeatable and idempotent, so that databases created before it get the column
-- without a versioned migration below the services' own versions.
alter table outbox_event add column if not exists traceparent varchar(55);
