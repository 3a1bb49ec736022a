-- The core pipeline in hand-written DuckDB SQL (run by bench/peers/duckdb-runner.ts, which replaces
-- {DIR}, {FROM}, {TO} and {AS_OF}: the data folder and the window as epoch days). Steps: parse the
-- CSVs → claims and sickness spells to employment spells → unit × month overtime, unit × FY sickness
-- and leavers → unit × indicator matrix with z-scores. Definitions: bench/README.md.
CREATE MACRO wd_before(n) AS (floor(n / 7) * 5 + [0, 1, 2, 2, 2, 3, 4][((n % 7) + 7) % 7 + 1]);
CREATE MACRO wd(a, b) AS (CASE WHEN b < a THEN 0 ELSE wd_before(b + 1) - wd_before(a) END);

CREATE TABLE people AS
SELECT person_id, unit_id, fte, contracted_hours_per_week, leaver_type,
  (start_date - DATE '1970-01-01')::INTEGER AS start_date,
  (end_date - DATE '1970-01-01')::INTEGER AS end_date
FROM read_csv('{DIR}/people.csv', header = true, auto_detect = false, dateformat = '%Y-%m-%d',
  columns = {'person_id': 'VARCHAR', 'worker_type': 'VARCHAR', 'rank_or_grade': 'VARCHAR',
    'unit_id': 'VARCHAR', 'role': 'VARCHAR', 'high_risk_role': 'VARCHAR', 'fte': 'DOUBLE',
    'contracted_hours_per_week': 'DOUBLE', 'service_start_date': 'DATE', 'start_date': 'DATE',
    'end_date': 'DATE', 'leaver_type': 'VARCHAR', 'entry_route': 'VARCHAR', 'sex': 'VARCHAR',
    'ethnicity_group': 'VARCHAR', 'disability': 'VARCHAR', 'birth_year': 'INTEGER', 'age_band': 'VARCHAR'});

CREATE VIEW overtime AS
SELECT person_id, (date - DATE '1970-01-01')::INTEGER AS date, hours
FROM read_csv('{DIR}/overtime.csv', header = true, auto_detect = false, dateformat = '%Y-%m-%d',
  columns = {'person_id': 'VARCHAR', 'date': 'DATE', 'hours': 'DOUBLE', 'compensation': 'VARCHAR',
    'reason': 'VARCHAR', 'rest_day_worked': 'BOOLEAN', 'start_time': 'VARCHAR', 'end_time': 'VARCHAR'});

CREATE VIEW sickness AS
SELECT person_id, (start_date - DATE '1970-01-01')::INTEGER AS start_date,
  (end_date - DATE '1970-01-01')::INTEGER AS end_date, working_days_lost
FROM read_csv('{DIR}/sickness.csv', header = true, auto_detect = false, dateformat = '%Y-%m-%d',
  columns = {'person_id': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE',
    'working_days_lost': 'DOUBLE', 'reason_category': 'VARCHAR', 'work_related': 'BOOLEAN',
    'rtw_interview_date': 'DATE'});

-- Financial years of the window (1 April – 31 March).
CREATE TABLE years AS
SELECT y AS fy, (make_date(y::INTEGER, 4, 1) - DATE '1970-01-01')::INTEGER AS fy_start,
  (make_date(y::INTEGER + 1, 3, 31) - DATE '1970-01-01')::INTEGER AS fy_end
FROM range(year(DATE '1970-01-01' + {FROM}), year(DATE '1970-01-01' + {TO})) t(y);

CREATE TABLE overtime_unit_month AS
SELECT s.unit_id, strftime(DATE '1970-01-01' + o.date, '%Y-%m') AS month, sum(o.hours) AS overtime_hours
FROM overtime o JOIN people s
  ON o.person_id = s.person_id AND o.date BETWEEN s.start_date AND coalesce(s.end_date, 2147483647)
WHERE o.date BETWEEN {FROM} AND {TO}
GROUP BY ALL;

CREATE TABLE exposure_unit_year AS
SELECT s.unit_id, y.fy,
  sum(s.fte * (least(coalesce(s.end_date, 2147483647), y.fy_end) - greatest(s.start_date, y.fy_start) + 1))
    / (y.fy_end - y.fy_start + 1) AS fte_avg,
  count(*) FILTER (WHERE s.start_date <= y.fy_start AND coalesce(s.end_date, 2147483647) >= y.fy_start) AS headcount_start,
  count(*) FILTER (WHERE s.end_date BETWEEN y.fy_start AND y.fy_end
    AND coalesce(s.leaver_type, '') <> 'transfer_out') AS leavers
FROM people s JOIN years y
  ON s.start_date <= y.fy_end AND coalesce(s.end_date, 2147483647) >= y.fy_start
GROUP BY s.unit_id, y.fy, y.fy_start, y.fy_end;

CREATE TABLE sickness_unit_year AS
WITH spells AS (
  SELECT s.unit_id, k.start_date AS a0, k.working_days_lost AS recorded,
    CASE WHEN s.fte > 0 THEN s.fte WHEN s.contracted_hours_per_week > 0 THEN s.contracted_hours_per_week / 40 ELSE 1 END AS fte,
    least(coalesce(k.end_date, {AS_OF}), {AS_OF}, coalesce(s.end_date, 2147483647)) AS b0
  FROM sickness k JOIN people s
    ON k.person_id = s.person_id AND k.start_date BETWEEN s.start_date AND coalesce(s.end_date, 2147483647)
  WHERE k.start_date <= {AS_OF}
)
SELECT unit_id, fy, sum(fte * CASE
    WHEN recorded IS NULL THEN wd(greatest(a0, fy_start), least(b0, fy_end))
    WHEN wd(a0, b0) > 0 THEN recorded * wd(greatest(a0, fy_start), least(b0, fy_end)) / wd(a0, b0)
    ELSE recorded * (least(b0, fy_end) - greatest(a0, fy_start) + 1) / (b0 - a0 + 1) END) AS fte_days_lost
FROM spells JOIN years ON fy_start <= b0 AND fy_end >= a0
GROUP BY unit_id, fy;

CREATE TABLE unit_values AS
WITH e AS (
  SELECT unit_id, sum(fte_avg) AS fte_years, sum(headcount_start) AS headcount_start, sum(leavers) AS leavers
  FROM exposure_unit_year GROUP BY unit_id
), o AS (SELECT unit_id, sum(overtime_hours) AS h FROM overtime_unit_month GROUP BY unit_id),
k AS (SELECT unit_id, sum(fte_days_lost) AS d FROM sickness_unit_year GROUP BY unit_id)
SELECT e.unit_id,
  CASE WHEN e.headcount_start > 0 THEN 100 * e.leavers / e.headcount_start END AS leaver_rate_pct,
  CASE WHEN e.fte_years > 0 THEN coalesce(o.h, 0) / e.fte_years END AS overtime_hours_per_fte,
  CASE WHEN e.fte_years > 0 THEN coalesce(k.d, 0) / e.fte_years END AS sickness_days_per_fte
FROM e LEFT JOIN o USING (unit_id) LEFT JOIN k USING (unit_id);

-- The result: one row per unit × indicator.
WITH cells AS (
  SELECT * FROM unit_values UNPIVOT INCLUDE NULLS
    (value FOR indicator IN (leaver_rate_pct, overtime_hours_per_fte, sickness_days_per_fte))
)
SELECT unit_id, indicator, value::DOUBLE AS value,
  ((value - avg(value) OVER (PARTITION BY indicator)) / nullif(stddev_samp(value) OVER (PARTITION BY indicator), 0))::DOUBLE AS z
FROM cells ORDER BY unit_id, indicator;
