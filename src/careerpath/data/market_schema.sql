-- Schema of the market-data tables, created empty when their files are absent from the data folder
-- (a folder fetched with `careerpath fetch` has O*NET and BLS only). tests/test_e2e_ingest.py checks
-- that it matches what the loaders produce on ../shared/data.

CREATE TABLE postings(posting_id VARCHAR, source_id VARCHAR, source_file VARCHAR, source_line BIGINT, native_id VARCHAR, title VARCHAR, company VARCHAR, "location" VARCHAR, country VARCHAR, remote BOOLEAN, posted_date DATE, description VARCHAR, salary_min DOUBLE, salary_max DOUBLE, salary_period VARCHAR, currency VARCHAR, salary_annual DOUBLE, salary_annual_min DOUBLE, salary_annual_max DOUBLE, seniority VARCHAR, title_category VARCHAR, schedule_type VARCHAR, no_degree BOOLEAN, skills_given VARCHAR[], duplicate_of VARCHAR, salary_text VARCHAR);
CREATE TABLE courses(course_id VARCHAR, source_id VARCHAR, source_file VARCHAR, source_line INTEGER, "catalog" VARCHAR, provider VARCHAR, title VARCHAR, description VARCHAR, outcomes VARCHAR, skills_given VARCHAR[], modules VARCHAR[], subject VARCHAR, "level" VARCHAR, level_raw VARCHAR, rating DOUBLE, n_ratings DOUBLE, enrolled DOUBLE, "hours" DOUBLE, hours_rule VARCHAR, price DOUBLE, currency VARCHAR, is_free BOOLEAN, certificate_type VARCHAR, url VARCHAR, "language" VARCHAR, duplicate_group VARCHAR);
CREATE TABLE esco_skills(uri VARCHAR, preferred_label VARCHAR, alt_labels VARCHAR[], definition VARCHAR, "text" VARCHAR, label_method VARCHAR, alt_text VARCHAR, kind VARCHAR);
CREATE TABLE esco_occupations(uri VARCHAR, preferred_label VARCHAR, alt_labels VARCHAR[], definition VARCHAR, "text" VARCHAR, label_method VARCHAR, alt_text VARCHAR, kind VARCHAR);
CREATE TABLE esco_skill_labels("label" VARCHAR);
CREATE TABLE skill_keywords(skill_id BIGINT, "name" VARCHAR, "type" VARCHAR);
