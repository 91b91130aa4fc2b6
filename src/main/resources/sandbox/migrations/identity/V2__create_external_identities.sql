CREATE TABLE external_identities (
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL REFERENCES users (user_id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT external_identities_issuer_subject_key UNIQUE (issuer, subject)
);
