-- Labelled texts the routing classifier learns from: the seed corpus, then every dispatcher correction.
CREATE TABLE routing_example (
    id          bigserial    PRIMARY KEY,
    text        text         NOT NULL,
    category    varchar(32)  NOT NULL REFERENCES dispatch_category (code),
    source      varchar(16)  NOT NULL CHECK (source IN ('SEED', 'CORRECTION')),
    created_at  timestamptz  NOT NULL DEFAULT now()
);
