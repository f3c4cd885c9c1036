-- Who works an appeal, and the side paths of the work queue: claims, co-handling, extension requests,
-- merged duplicates, and audited reveals of personal data.

-- A key enterprise's named commissioner in a unit, and the backup who stands in while they are away.
CREATE TABLE key_enterprise_commissioner (
    uscc          char(18)    NOT NULL REFERENCES enterprise (uscc),
    unit_code     varchar(32) NOT NULL REFERENCES handling_unit (code),
    commissioner  varchar(64) NOT NULL REFERENCES staff_member (username),
    backup        varchar(64) REFERENCES staff_member (username),
    PRIMARY KEY (uscc, unit_code)
);

ALTER TABLE appeal
    -- the commissioner who holds it; a claim that is not signed for (accepted) by claim_expires_at lapses
    ADD COLUMN assignee          varchar(64),
    ADD COLUMN claim_expires_at  timestamptz,
    -- set when the first automatic assignment has been made, so a retried notice never assigns twice
    ADD COLUMN assigned_at       timestamptz,
    -- the dispatcher's top suggestions for an appeal routing could not place (JSON)
    ADD COLUMN routing_suggestions text,
    -- a merged duplicate follows its parent and receives its answer
    ADD COLUMN parent_id         bigint REFERENCES appeal (id);

CREATE INDEX appeal_open_by_assignee_idx ON appeal (assignee)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK');
CREATE INDEX appeal_claim_expiry_idx ON appeal (claim_expires_at) WHERE claim_expires_at IS NOT NULL;
CREATE INDEX appeal_returned_idx ON appeal (updated_at) WHERE status = 'RETURNED';
CREATE INDEX appeal_children_idx ON appeal (parent_id) WHERE parent_id IS NOT NULL;

-- Co-handling (主办/协办): the appeal's handling_unit leads; these units help.
CREATE TABLE appeal_helper_unit (
    appeal_id   bigint      NOT NULL REFERENCES appeal (id),
    unit_code   varchar(32) NOT NULL REFERENCES handling_unit (code),
    added_by    varchar(100) NOT NULL,
    added_at    timestamptz NOT NULL,
    PRIMARY KEY (appeal_id, unit_code)
);
CREATE INDEX appeal_helper_unit_by_unit_idx ON appeal_helper_unit (unit_code);

-- A unit asks for more time (延期); a dispatcher or the unit's leader decides. At most one open request.
CREATE TABLE extension_request (
    id            bigserial    PRIMARY KEY,
    appeal_id     bigint       NOT NULL REFERENCES appeal (id),
    clock         varchar(16)  NOT NULL,
    working_days  integer      NOT NULL CHECK (working_days BETWEEN 1 AND 30),
    reason        text         NOT NULL,
    requested_by  varchar(100) NOT NULL,
    requested_at  timestamptz  NOT NULL,
    decided_by    varchar(100),
    decided_at    timestamptz,
    approved      boolean,
    decision_note text
);
CREATE UNIQUE INDEX extension_request_one_open_idx ON extension_request (appeal_id) WHERE decided_at IS NULL;

-- Every time a masked field (mobile, contact name) was shown in full, and to whom.
CREATE TABLE personal_data_reveal (
    id           bigserial    PRIMARY KEY,
    appeal_id    bigint       NOT NULL REFERENCES appeal (id),
    field        varchar(32)  NOT NULL,
    revealed_to  varchar(100) NOT NULL,
    purpose      text         NOT NULL,
    revealed_at  timestamptz  NOT NULL
);
CREATE INDEX personal_data_reveal_appeal_idx ON personal_data_reveal (appeal_id, revealed_at);
