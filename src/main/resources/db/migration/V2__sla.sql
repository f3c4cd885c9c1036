-- Working calendar: the days that differ from a Mon–Fri week (official holidays and make-up workdays).
CREATE TABLE work_calendar_day (
    day   date        PRIMARY KEY,
    kind  varchar(8)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name  varchar(50) NOT NULL
);
-- A year counts as loaded once its official notice has been imported (even a year with no entries).
CREATE TABLE work_calendar_year (
    year        integer     PRIMARY KEY,
    imported_at timestamptz NOT NULL DEFAULT now(),
    source      varchar(200) NOT NULL
);

-- Clock rules as versioned data. A row is never edited: a new version is a new row with a later
-- effective date. An appeal keeps the rule it started under (appeal_clock.rule_id).
CREATE TABLE clock_rule (
    id             bigserial    PRIMARY KEY,
    clock          varchar(16)  NOT NULL CHECK (clock IN ('RESPOND', 'HANDLE', 'RETURN_WINDOW', 'FEEDBACK', 'EVALUATE', 'REWORK')),
    appeal_type    varchar(16),
    category       varchar(32),
    urgent         boolean,
    amount         integer      NOT NULL CHECK (amount > 0),
    unit           varchar(16)  NOT NULL CHECK (unit IN ('NATURAL_MINUTES', 'NATURAL_HOURS', 'NATURAL_DAYS', 'WORKING_HOURS', 'WORKING_DAYS')),
    legal_source   varchar(200) NOT NULL,
    effective_from date         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now()
);

-- One running clock per appeal, clock and round (round > 1 for rework).
CREATE TABLE appeal_clock (
    id          bigserial    PRIMARY KEY,
    appeal_id   bigint       NOT NULL REFERENCES appeal (id),
    clock       varchar(16)  NOT NULL,
    round       integer      NOT NULL DEFAULT 1,
    rule_id     bigint       NOT NULL REFERENCES clock_rule (id),
    started_at  timestamptz  NOT NULL,
    due_at      timestamptz  NOT NULL,
    extended_days integer    NOT NULL DEFAULT 0,
    stopped_at  timestamptz,
    UNIQUE (appeal_id, clock, round)
);
CREATE INDEX appeal_clock_appeal_idx ON appeal_clock (appeal_id);
CREATE INDEX appeal_clock_running_idx ON appeal_clock (rule_id) WHERE stopped_at IS NULL;

-- The escalation ladder as durable timers: one row per clock and step, so a step can fire only once.
CREATE TABLE sla_timer (
    id        bigserial    PRIMARY KEY,
    clock_id  bigint       NOT NULL REFERENCES appeal_clock (id),
    appeal_id bigint       NOT NULL,
    step      varchar(16)  NOT NULL CHECK (step IN ('WARNING', 'OVERDUE', 'SUPERVISION')),
    due_at    timestamptz  NOT NULL,
    fired_at  timestamptz,
    cancelled boolean      NOT NULL DEFAULT false,
    UNIQUE (clock_id, step)
);
-- Only pending timers are indexed: a sweep costs what is due, not what has ever fired.
CREATE INDEX sla_timer_pending_idx ON sla_timer (due_at) WHERE fired_at IS NULL;
ALTER TABLE sla_timer SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

CREATE TABLE escalation (
    id         bigserial    PRIMARY KEY,
    timer_id   bigint       NOT NULL UNIQUE REFERENCES sla_timer (id),
    appeal_id  bigint       NOT NULL,
    clock      varchar(16)  NOT NULL,
    step       varchar(16)  NOT NULL,
    due_at     timestamptz  NOT NULL,
    fired_at   timestamptz  NOT NULL,
    recipients text         NOT NULL
);
CREATE INDEX escalation_appeal_idx ON escalation (appeal_id);

-- Which unit held the appeal, and for how long (return ping-pong is visible here).
CREATE TABLE custody (
    id         bigserial    PRIMARY KEY,
    appeal_id  bigint       NOT NULL REFERENCES appeal (id),
    unit_code  varchar(32)  NOT NULL,
    from_at    timestamptz  NOT NULL,
    until_at   timestamptz
);
CREATE INDEX custody_appeal_idx ON custody (appeal_id);

-- Default rules (DESIGN defaults drawn from published 12345 practice).
INSERT INTO clock_rule (clock, appeal_type, category, urgent, amount, unit, legal_source, effective_from) VALUES
 ('RESPOND', NULL, NULL, NULL, 1, 'WORKING_HOURS', '响应时限：派单后1个工作小时内签收并首次联系企业', '2025-01-01'),
 ('RESPOND', NULL, NULL, true, 30, 'NATURAL_MINUTES', '紧急诉求：派单后30分钟内响应', '2025-01-01'),
 ('HANDLE', 'CONSULT', NULL, NULL, 2, 'WORKING_DAYS', '咨询类：2个工作日内答复', '2025-01-01'),
 ('HANDLE', 'HELP', NULL, NULL, 10, 'WORKING_DAYS', '求助类：10个工作日内办结', '2025-01-01'),
 ('HANDLE', 'SUGGEST', NULL, NULL, 10, 'WORKING_DAYS', '建议类：10个工作日内办结', '2025-01-01'),
 ('HANDLE', 'COMPLAINT', NULL, NULL, 15, 'WORKING_DAYS', '投诉类：15个工作日内办结', '2025-01-01'),
 ('HANDLE', 'REPORT', NULL, NULL, 15, 'WORKING_DAYS', '举报类：15个工作日内办结', '2025-01-01'),
 ('HANDLE', NULL, 'POWER', true, 24, 'NATURAL_HOURS', '水电气停供：24小时内处置', '2025-01-01'),
 ('HANDLE', NULL, 'WATER', true, 24, 'NATURAL_HOURS', '水电气停供：24小时内处置', '2025-01-01'),
 ('HANDLE', NULL, 'GAS', true, 24, 'NATURAL_HOURS', '水电气停供：24小时内处置', '2025-01-01'),
 ('HANDLE', NULL, 'SAFETY', true, 2, 'NATURAL_HOURS', '危及生命财产安全：2小时内处置', '2025-01-01'),
 ('RETURN_WINDOW', NULL, NULL, NULL, 1, 'WORKING_DAYS', '退单时限：派单后1个工作日内', '2025-01-01'),
 ('FEEDBACK', NULL, NULL, NULL, 2, 'WORKING_DAYS', '回访时限：答复后2个工作日内', '2025-01-01'),
 ('EVALUATE', NULL, NULL, NULL, 7, 'NATURAL_DAYS', '评价时限：答复后7个自然日，逾期默认评价', '2025-01-01'),
 ('REWORK', NULL, NULL, NULL, 5, 'WORKING_DAYS', '整改时限：差评后5个工作日内重新答复', '2025-01-01');

-- Raised by the SLA ladder's supervision step or by a leader (督办).
ALTER TABLE appeal ADD COLUMN supervised boolean NOT NULL DEFAULT false;
