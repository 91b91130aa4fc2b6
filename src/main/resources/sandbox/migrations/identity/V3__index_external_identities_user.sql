CREATE INDEX external_identities_user_id_idx ON external_identities (user_id);
