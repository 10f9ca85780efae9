-- At the end of a school year the school admin archives its classrooms: kept, read-only, renamed
-- with the year so that next year's classrooms can take their names. A classroom whose teacher was
-- deleted after leaving the school keeps its history without a teacher.
ALTER TABLE classrooms ADD COLUMN archived_at DATETIME(6) NULL;
ALTER TABLE classrooms MODIFY teacher_id BIGINT NULL;
