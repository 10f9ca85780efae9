-- Platform settings edited at run time (defaults live in the code: a key without a row has its
-- default), extra host folders mounted by a template, uploaded template icons, and open-hydra's
-- XEdu environment in the global catalog.
CREATE TABLE platform_settings (
    setting_key   VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(2000) NOT NULL,
    updated_by    VARCHAR(255)  NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    PRIMARY KEY (setting_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lab_template_mounts (
    template_id BIGINT       NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(32)  NOT NULL,
    host_path   VARCHAR(255) NOT NULL,
    mount_path  VARCHAR(255) NOT NULL,
    read_only   BOOLEAN      NOT NULL,
    PRIMARY KEY (template_id, position),
    CONSTRAINT fk_mounts_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lab_template_icons (
    template_id  BIGINT      NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (template_id),
    CONSTRAINT fk_icons_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- XEdu: open-hydra's environment for school AI courses (MMEdu, BaseNN, BaseML). open-hydra names
-- the sandbox "xedu" but its published image tag could not be confirmed, so the template is not
-- offered until the platform admin has checked the image against the registry it pulls from.
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('xedu', NULL, 'XEdu', 'XEdu for school AI lessons (MMEdu, BaseNN, BaseML) with JupyterLab, from open-hydra. Offered once the platform admin has confirmed the image.', 'ACADEMY_CAP', 'registry.cn-shanghai.aliyuncs.com/openhydra/xedu:latest', '',
    '', '/home/workspace', 1024, 2000, 8192, 0, 8000,
    32768, 1, 'xedu: MMEdu, BaseNN, BaseML
jupyter-lab: yes
lan: chinese | english', FALSE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_gpu_images (template_id, gpu_key, image) VALUES (@template, 'nvidia.com/gpu', 'registry.cn-shanghai.aliyuncs.com/openhydra/xedu:latest');
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'http', 8888, 'HTTP');
