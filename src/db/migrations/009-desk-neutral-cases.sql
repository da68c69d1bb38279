-- Cases keep desk-neutral references: the room the case is worked in on the staff desk (a
-- Mattermost channel today; a Teams or Slack channel would fit the same columns), the card
-- posted there, and which desk that is. Renamed in place, so existing cases keep their values;
-- rooms made before this migration were Mattermost channels.
ALTER TABLE cases RENAME COLUMN mm_channel_id TO desk_room_id;
ALTER TABLE cases RENAME COLUMN mm_channel_name TO desk_room_name;
ALTER TABLE cases RENAME COLUMN card_post_id TO desk_card_id;
ALTER TABLE cases ADD COLUMN desk text;
UPDATE cases SET desk = 'mattermost' WHERE desk_room_id IS NOT NULL;
ALTER INDEX cases_mm_channel_idx RENAME TO cases_desk_room_idx;
