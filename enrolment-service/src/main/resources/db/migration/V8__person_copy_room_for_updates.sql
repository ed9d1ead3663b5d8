-- person_copy is rewritten by every person event (a history import's results change people again and again); a
-- third of those updates found no room on the row's page and so wrote a new entry in each of its four indexes (the
-- name's trigram index among them). Room for a row's next versions on its page makes them HOT updates. Pages written
-- from now on keep the room; existing ones get it when the table is rewritten (VACUUM FULL).
alter table person_copy set (fillfactor = 70);
