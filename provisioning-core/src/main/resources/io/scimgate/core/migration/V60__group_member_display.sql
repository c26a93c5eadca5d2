-- The display name an identity provider sent with a group member (RFC 7643 members.display), echoed
-- back as sent; null when it sent none, and the member's own name is shown.
ALTER TABLE directory_group_member ADD COLUMN sent_display VARCHAR(512);
