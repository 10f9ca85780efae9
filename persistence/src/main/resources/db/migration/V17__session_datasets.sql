-- The datasets a session's labs mount; a session without any mounts the school's datasets as every lab does.
CREATE TABLE class_session_datasets (
    session_id BIGINT NOT NULL,
    dataset_id BIGINT NOT NULL,
    PRIMARY KEY (session_id, dataset_id),
    CONSTRAINT fk_class_session_datasets_session FOREIGN KEY (session_id) REFERENCES class_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_class_session_datasets_dataset FOREIGN KEY (dataset_id) REFERENCES datasets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
