-- The knowledge base (知识库, issue 17): articles that answer enterprises' 咨询 on every channel, each kept as
-- versions. knowledge_article is the article and where its work stands; knowledge_article_version holds every
-- version that was ever written, with who wrote, reviewed, published or withdrew it.
CREATE TABLE knowledge_article (
    id                 bigserial    PRIMARY KEY,
    -- the seed file's key (KB-REG-001): seeding is idempotent by it; null for articles written in Huiyin
    article_key        varchar(40)  UNIQUE,
    unit_code          varchar(32)  NOT NULL,
    -- the latest version's number and status (where the work on the article stands)
    latest_version     integer      NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'REVIEWED', 'PUBLISHED', 'WITHDRAWN')),
    -- the version that answers questions now, or null
    published_version  integer,
    -- the tracking number of the 咨询 whose reply proposed the article
    proposed_from      varchar(32),
    created_by         varchar(100) NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    -- set when answers from this article were followed by appeals anyway; cleared when a version is published
    review_flagged_at  timestamptz,
    review_flag_reason text
);
CREATE INDEX knowledge_article_unit_idx ON knowledge_article (unit_code, updated_at DESC);
-- the published set every replica fingerprints every few seconds
CREATE INDEX knowledge_article_published_idx ON knowledge_article (id, published_version) WHERE published_version IS NOT NULL;

CREATE TABLE knowledge_article_version (
    id             bigserial    PRIMARY KEY,
    article_id     bigint       NOT NULL REFERENCES knowledge_article (id),
    version        integer      NOT NULL,
    status         varchar(16)  NOT NULL
                   CHECK (status IN ('DRAFT', 'REVIEWED', 'PUBLISHED', 'WITHDRAWN', 'SUPERSEDED')),
    title          varchar(100) NOT NULL,
    -- the question forms, one per line (a form is one line)
    questions      text         NOT NULL,
    answer         text         NOT NULL,
    source_name    varchar(200) NOT NULL,
    source_link    varchar(500),
    category_code  varchar(32)  NOT NULL,
    valid_from     date         NOT NULL,
    valid_to       date,
    edited_by      varchar(100) NOT NULL,
    edited_at      timestamptz  NOT NULL,
    reviewed_by    varchar(100),
    reviewed_at    timestamptz,
    published_by   varchar(100),
    published_at   timestamptz,
    withdrawn_by   varchar(100),
    withdrawn_at   timestamptz,
    note           text,
    UNIQUE (article_id, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- A version's words and authorship are history: only its status and the review, publish and withdraw marks move.
CREATE FUNCTION knowledge_article_version_is_history() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (OLD.article_id, OLD.version, OLD.title, OLD.questions, OLD.answer, OLD.source_name, OLD.source_link,
            OLD.category_code, OLD.valid_from, OLD.valid_to, OLD.edited_by, OLD.edited_at, OLD.note) IS NOT DISTINCT FROM
           (NEW.article_id, NEW.version, NEW.title, NEW.questions, NEW.answer, NEW.source_name, NEW.source_link,
            NEW.category_code, NEW.valid_from, NEW.valid_to, NEW.edited_by, NEW.edited_at, NEW.note) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'knowledge_article_version is history (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_article_version_history
    BEFORE UPDATE OR DELETE ON knowledge_article_version
    FOR EACH ROW EXECUTE FUNCTION knowledge_article_version_is_history();

-- What the channels showed, whether it helped, and whether an appeal followed anyway (the answers' record).
create table knowledge_answer_shown (
    id            uuid primary key,
    article_id    bigint not null references knowledge_article (id),
    article_version int not null,
    channel       text not null,          -- WEB | WECHAT | PHONE | WORKQUEUE
    asker_ref     text not null,          -- web: the form's submissionId; wechat: <account>/<openid>; phone: call id; workqueue: tracking no
    query         text not null,          -- what was typed, at most 500 characters
    sure          boolean not null,       -- shown as THE answer (true) or as one of several suggestions (false)
    shown_at      timestamptz not null,
    helpful       boolean,                -- 这条回答有帮助吗: null = not said
    feedback_at   timestamptz,
    followed_by   text,                   -- tracking number of an appeal the same asker filed afterwards
    followed_at   timestamptz
);
create index knowledge_answer_shown_asker on knowledge_answer_shown (channel, asker_ref, shown_at desc);
create index knowledge_answer_shown_time on knowledge_answer_shown (shown_at);
