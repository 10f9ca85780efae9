-- What the school admin set for one member is the ceiling of what the member's teachers may set:
-- kept beside the values in force, which a teacher may change within it.
ALTER TABLE lab_allowances
    ADD COLUMN ceiling_cpu_millis      INT NULL,
    ADD COLUMN ceiling_memory_mib      INT NULL,
    ADD COLUMN ceiling_gpus            INT NULL,
    ADD COLUMN ceiling_labs_at_once    INT NULL,
    ADD COLUMN ceiling_gpu_hours_month INT NULL,
    ADD COLUMN ceiling_gpu_hours_term  INT NULL;

-- Overrides written so far were the admin's unless a teacher wrote them last; either way they are the
-- best record of what the admin allowed.
UPDATE lab_allowances
   SET ceiling_cpu_millis = max_cpu_millis, ceiling_memory_mib = max_memory_mib, ceiling_gpus = max_gpus,
       ceiling_labs_at_once = labs_at_once, ceiling_gpu_hours_month = gpu_hours_month,
       ceiling_gpu_hours_term = gpu_hours_term
 WHERE member_id IS NOT NULL;
