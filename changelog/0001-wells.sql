--liquibase formatted sql

--changeset wellgate:0001-wells
--comment: The registry of wells; a well is registered by its first sample or diagnostic.
CREATE TABLE wells (
    id          text        PRIMARY KEY,
    name        text,
    field       text,
    pump_model  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE wells;
