-- A binding waits for the SMS code sent to the mobile number it names (only a hash of the code is kept).
ALTER TABLE wechat_follower ADD COLUMN pending_uscc char(18);
ALTER TABLE wechat_follower ADD COLUMN pending_mobile varchar(11);
ALTER TABLE wechat_follower ADD COLUMN code_hash char(64);
ALTER TABLE wechat_follower ADD COLUMN code_expires_at timestamptz;
ALTER TABLE wechat_follower ADD COLUMN code_attempts integer NOT NULL DEFAULT 0;
