-- Classrooms: a teacher's class in a school, with its roster of members.
CREATE TABLE classrooms (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    teacher_id  BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_classrooms_name (tenant_id, name),
    CONSTRAINT fk_classrooms_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_classrooms_teacher FOREIGN KEY (teacher_id) REFERENCES members (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE classroom_students (
    classroom_id BIGINT NOT NULL,
    member_id    BIGINT NOT NULL,
    PRIMARY KEY (classroom_id, member_id),
    CONSTRAINT fk_classroom_students_classroom FOREIGN KEY (classroom_id) REFERENCES classrooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_classroom_students_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
