-- The connector's look for due deliveries walks deliveries in sequence order. Through national_delivery_sequence it
-- read every accepted and rejected delivery first (373 ms a look with 28,000 of them behind 1,500 open ones); this
-- index holds only the deliveries that can be due.
create index national_delivery_due on national_delivery (sequence) where status in ('PENDING', 'OVERDUE', 'SENT');
