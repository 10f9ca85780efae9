-- Courses of a school with their teachers; the material lives on disk below the course root in
-- <school>/<course>/, the row keeps its file count and size.
CREATE TABLE courses (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    name                VARCHAR(40)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    level               VARCHAR(100)  NULL,
    description         VARCHAR(4000) NULL,
    default_template    VARCHAR(40)   NULL,
    material_files      INT           NOT NULL,
    material_bytes      BIGINT        NOT NULL,
    material_updated_at DATETIME(6)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_courses_tenant_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_courses_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE course_teachers (
    course_id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (course_id, member_id),
    CONSTRAINT fk_course_teachers_course FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
    CONSTRAINT fk_course_teachers_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
