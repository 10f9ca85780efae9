-- Class sessions: a classroom's time window with a lab template and a size per student, and the
-- capacity reserved for it from the preparation on. A weekly session is one row per occurrence,
-- sharing a series id, so each occurrence can be extended, ended or cancelled alone.
CREATE TABLE class_sessions (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id          BIGINT       NOT NULL,
    classroom_id       BIGINT       NOT NULL,
    series             VARCHAR(36)  NOT NULL,
    template_id        BIGINT       NULL,
    template_name      VARCHAR(40)  NOT NULL,
    course_id          BIGINT       NULL,
    cpu_limit_millis   INT          NOT NULL,
    memory_limit_mib   INT          NOT NULL,
    cpu_request_millis INT          NOT NULL,
    memory_request_mib INT          NOT NULL,
    gpus               INT          NOT NULL,
    gpu_key            VARCHAR(63)  NULL,
    gpu_model          VARCHAR(63)  NULL,
    seats              INT          NOT NULL,
    prepare_at         DATETIME(6)  NOT NULL,
    starts_at          DATETIME(6)  NOT NULL,
    ends_at            DATETIME(6)  NOT NULL,
    prepared_at        DATETIME(6)  NULL,
    cancelled_at       DATETIME(6)  NULL,
    created_by         VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_class_sessions_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_class_sessions_classroom FOREIGN KEY (classroom_id) REFERENCES classrooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_class_sessions_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE SET NULL,
    CONSTRAINT fk_class_sessions_course FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE SET NULL,
    INDEX ix_class_sessions_window (prepare_at, ends_at),
    INDEX ix_class_sessions_classroom (classroom_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A lab a session prepared; when a lab must give its room back to a session; when its owner first
-- opened it (a session's attendance).
ALTER TABLE labs
    ADD COLUMN session_id      BIGINT      NULL,
    ADD COLUMN reclaim_at      DATETIME(6) NULL,
    ADD COLUMN first_opened_at DATETIME(6) NULL,
    ADD CONSTRAINT fk_labs_session FOREIGN KEY (session_id) REFERENCES class_sessions (id) ON DELETE SET NULL,
    ADD INDEX ix_labs_session (session_id, owner_id);

-- Booking a session locks this row, so two bookings never both take the last free capacity.
INSERT INTO scheduler_leases (name, holder, expires_at) VALUES ('sessions', '', '2000-01-01 00:00:00');
