-- Where to answer an appeal on its own channel: for WeChat "<account>/<openid>".
ALTER TABLE appeal ADD COLUMN reply_to varchar(120);
CREATE INDEX appeal_reply_to_idx ON appeal (reply_to, received_at DESC) WHERE reply_to IS NOT NULL;

-- The first reply given to each WeChat message (by decrypted MsgId, or sender + CreateTime for events),
-- so WeChat's retries get the same answer and cause nothing twice.
CREATE TABLE wechat_message (
    account     varchar(32)  NOT NULL,
    dedupe_key  varchar(200) NOT NULL,
    open_id     varchar(64)  NOT NULL,
    reply       text,
    received_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (account, dedupe_key)
);

-- The last time each follower wrote to us: customer-service messages are allowed for 48 hours after it.
CREATE TABLE wechat_follower (
    account      varchar(32)  NOT NULL,
    open_id      varchar(64)  NOT NULL,
    last_message_at timestamptz NOT NULL,
    uscc         char(18),
    mobile       varchar(11),
    bound_at     timestamptz,
    PRIMARY KEY (account, open_id)
);
