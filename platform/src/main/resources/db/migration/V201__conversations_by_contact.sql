-- A contact's conversations, closed ones included: the per-contact message budget counts the customer's messages of
-- the last minute across them on every turn, and without this index that read every conversation of the tenant.
create index conversations_by_contact on conversations (tenant_id, contact_id);
