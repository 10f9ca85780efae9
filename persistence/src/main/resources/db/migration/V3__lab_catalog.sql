-- The lab catalog: templates (global, or owned by one school), their GPU images per resource key,
-- their ports, and each school's word on the global ones. Seeded with the global catalog.
CREATE TABLE lab_templates (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    name               VARCHAR(40)   NOT NULL,
    owner_tenant_id    BIGINT        NULL,
    display_name       VARCHAR(100)  NOT NULL,
    description        VARCHAR(2000) NULL,
    icon               VARCHAR(40)   NOT NULL,
    cpu_image          VARCHAR(255)  NOT NULL,
    command_lines      VARCHAR(4000) NULL,
    args_lines         VARCHAR(4000) NULL,
    workspace_path     VARCHAR(255)  NOT NULL,
    shm_mib            INT           NOT NULL,
    default_cpu_millis INT           NOT NULL,
    default_memory_mib INT           NOT NULL,
    default_gpus       INT           NOT NULL,
    max_cpu_millis     INT           NOT NULL,
    max_memory_mib     INT           NOT NULL,
    max_gpus           INT           NOT NULL,
    development_info   VARCHAR(4200) NULL,
    enabled_by_default BOOLEAN       NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_lab_templates_owner_name UNIQUE (owner_tenant_id, name),
    CONSTRAINT fk_lab_templates_owner FOREIGN KEY (owner_tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lab_template_gpu_images (
    template_id BIGINT       NOT NULL,
    gpu_key     VARCHAR(63)  NOT NULL,
    image       VARCHAR(255) NOT NULL,
    PRIMARY KEY (template_id, gpu_key),
    CONSTRAINT fk_gpu_images_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lab_template_ports (
    template_id BIGINT      NOT NULL,
    position    INT         NOT NULL,
    name        VARCHAR(15) NOT NULL,
    port        INT         NOT NULL,
    protocol    VARCHAR(8)  NOT NULL,
    PRIMARY KEY (template_id, position),
    CONSTRAINT fk_ports_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE template_availability (
    id          BIGINT  NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT  NOT NULL,
    template_id BIGINT  NOT NULL,
    enabled     BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_availability UNIQUE (tenant_id, template_id),
    CONSTRAINT fk_availability_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_availability_template FOREIGN KEY (template_id) REFERENCES lab_templates (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;


-- JupyterLab
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('jupyterlab', NULL, 'JupyterLab', 'JupyterLab for Python notebooks: data science on CPU, PyTorch with CUDA on GPU.', 'NOTEBOOK', 'quay.io/jupyter/scipy-notebook:python-3.12', '',
    '', '/home/jovyan/work', 1024, 2000, 4096, 0, 8000,
    32768, 2, 'python-version: 3.12
jupyterlab-version: 4
gpu image: PyTorch with CUDA 12', TRUE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_gpu_images (template_id, gpu_key, image) VALUES (@template, 'nvidia.com/gpu', 'quay.io/jupyter/pytorch-notebook:cuda12-python-3.12');
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'http', 8888, 'HTTP');

-- VS Code
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('vscode', NULL, 'VS Code', 'VS Code in the browser (code-server): edit, run and debug code, install extensions.', 'CODE', 'docker.io/codercom/code-server:4.96.4', '',
    '--auth
none
--bind-addr
0.0.0.0:8080', '/home/coder/project', 256, 1000, 2048, 0, 4000,
    8192, 0, 'code-server-version: 4.96.4', TRUE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'http', 8080, 'HTTP');

-- Linux desktop
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('desktop', NULL, 'Linux desktop', 'A Linux desktop (Xfce) in the browser over noVNC, for graphical tools.', 'DESKTOP', 'docker.io/accetto/ubuntu-vnc-xfce-g3:latest', '',
    '', '/home/headless/Documents', 512, 2000, 4096, 0, 4000,
    8192, 0, 'desktop: Xfce on Ubuntu
access: noVNC', TRUE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'novnc', 6901, 'VNC');

-- Keras
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('keras', NULL, 'Keras', 'Keras and TensorFlow with JupyterLab, from open-hydra.', 'CLUSTER', 'registry.cn-shanghai.aliyuncs.com/openhydra/tensorflow:latest-gpu-with-jlab', '',
    '', '/home/workspace', 1024, 2000, 8192, 0, 8000,
    32768, 2, 'keras-version: 2.6.1
tensorflow-version: 2.6.0
jupyter-lab-version: 4.0.9
lan: chinese | english', TRUE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_gpu_images (template_id, gpu_key, image) VALUES (@template, 'nvidia.com/gpu', 'registry.cn-shanghai.aliyuncs.com/openhydra/tensorflow:latest-gpu-with-jlab');
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'http', 8888, 'HTTP');

-- PaddlePaddle
INSERT INTO lab_templates (name, owner_tenant_id, display_name, description, icon, cpu_image, command_lines,
    args_lines, workspace_path, shm_mib, default_cpu_millis, default_memory_mib, default_gpus, max_cpu_millis,
    max_memory_mib, max_gpus, development_info, enabled_by_default, created_at, version)
VALUES ('paddlepaddle', NULL, 'PaddlePaddle', 'PaddlePaddle with JupyterLab, from open-hydra; CUDA 12 on GPU.', 'CUBES', 'registry.cn-shanghai.aliyuncs.com/openhydra/paddle:2.6.0-jlab', '',
    '', '/home/workspace', 1024, 2000, 8192, 0, 8000,
    32768, 2, 'PaddlePaddle-version: 2.6.0
jupyter-lab-version: 4.0.9
cuda-version: 12.0
lan: chinese | english', TRUE, CURRENT_TIMESTAMP(6), 0);
SET @template = LAST_INSERT_ID();
INSERT INTO lab_template_gpu_images (template_id, gpu_key, image) VALUES (@template, 'nvidia.com/gpu', 'registry.cn-shanghai.aliyuncs.com/openhydra/paddle:2.6.0-gpu-cuda12.0-cudnn8.9-trt8.6-jlab');
INSERT INTO lab_template_ports (template_id, position, name, port, protocol) VALUES (@template, 0, 'http', 8888, 'HTTP');
