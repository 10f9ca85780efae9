-- A school's current term, and a member's GPU-hour budget for it: students may have a budget per
-- term beside the one per month. Both term days are inclusive; no term: no term budget.
ALTER TABLE tenants
    ADD COLUMN term_starts DATE NULL,
    ADD COLUMN term_ends   DATE NULL;

ALTER TABLE lab_allowances
    ADD COLUMN gpu_hours_term INT NULL;
