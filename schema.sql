-- The schema of a ledger file, version 1 (PRAGMA user_version = 1).
--
-- FROZEN: files in the field were made by this script (and
-- tests/fixtures/S07-v1.db with it). A change to the schema is a new
-- migration appended in src/ledger/schema.rs, never an edit here.
--
-- `events` is the source of truth: an append-only log whose rows are never
-- updated or deleted. Every other table except the static catalogue
-- (`subjects`, `problems`, builtin `units`) and `meta` is derived from the
-- events and can be rebuilt by replaying them (`ledger check` does exactly
-- that and compares).
--
-- Ids that cross files are global: an event is (origin, seq), a case is
-- '<office>-<year>-<seq>'. Rowids never leave a file.

-- This file's identity, fixed at `ledger init`.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The event log. `clock` is a Lamport clock: one more than the largest clock
-- in the file (table `clock`) when the event was made, so an event always sorts after every
-- event its author could see. Replay order is (clock, origin, seq), which
-- does not depend on the order in which files were merged.
-- `hash` is the SHA-256 of the canonical form of the other columns
-- (see src/ledger/event.rs), so a row altered after export is detected.
CREATE TABLE events (
    origin  TEXT    NOT NULL,
    seq     INTEGER NOT NULL CHECK (seq >= 1),
    clock   INTEGER NOT NULL CHECK (clock >= 1),
    at      TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    case_id TEXT,
    payload TEXT    NOT NULL,
    hash    TEXT    NOT NULL,
    PRIMARY KEY (origin, seq)
); -- rowid tables for the wide rows: WITHOUT ROWID suits small rows only
-- A case's events in replay order; covering (with the hash) so a merge
-- learns what it holds of a case in one look.
CREATE INDEX events_by_case ON events (case_id, clock, origin, seq, hash) WHERE case_id IS NOT NULL;
CREATE INDEX events_non_case ON events (clock, origin, seq) WHERE case_id IS NULL;

-- The largest clock in `events`, kept so that a new event need not scan
-- the log (an index on clock would slow every merge).
CREATE TABLE clock (max INTEGER NOT NULL);
INSERT INTO clock (max) VALUES (0);

-- Derived: the offices this file knows of (its own, and those it merged).
CREATE TABLE offices (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    district INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Static: responsible subjects (责任主体).
CREATE TABLE subjects (
    code    TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
) WITHOUT ROWID;

-- Static: the problem catalogue (PRODUCT.md §4). `subject` is NULL for
-- QT-00, which goes with any subject.
CREATE TABLE problems (
    code         TEXT PRIMARY KEY,
    subject      TEXT REFERENCES subjects (code),
    title        TEXT NOT NULL,
    days         INTEGER NOT NULL CHECK (days >= 1),
    default_unit TEXT
) WITHOUT ROWID;

-- Units (责任单位). Builtin rows are static; others come from `unit.add`
-- events and are derived like cases.
CREATE TABLE units (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0
); -- a rowid table: listing in rowid order keeps the plan's order of units

-- Derived: the current state of each case.
CREATE TABLE cases (
    id           TEXT PRIMARY KEY,
    office       TEXT NOT NULL,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('open', 'assigned', 'deferred', 'closed')),
    received_at  TEXT NOT NULL,
    source       TEXT NOT NULL,
    source_ref   TEXT,
    community    TEXT NOT NULL,
    address      TEXT,
    summary      TEXT NOT NULL,
    details      TEXT,
    complainant  TEXT,
    phone        TEXT,
    subject      TEXT REFERENCES subjects (code),
    problem      TEXT REFERENCES problems (code),
    party        TEXT,
    key_case     INTEGER NOT NULL DEFAULT 0,
    unit         TEXT,
    assigned_at  TEXT,
    due          TEXT,
    plan         TEXT,
    defer_until  TEXT,
    closed_at    TEXT,
    result       TEXT,
    resolution   TEXT,
    duplicate_of TEXT,
    updated_at   TEXT NOT NULL,
    notes        INTEGER NOT NULL DEFAULT 0,
    -- The problem type was suggested by bulk intake, not yet confirmed by
    -- a clerk (an assign with --problem confirms or changes it).
    problem_suggested INTEGER NOT NULL DEFAULT 0,
    UNIQUE (office, year, seq)
);
-- Few indexes on purpose: every one slows a merge. Offices filter through
-- the UNIQUE (office, year, seq) index; reports scan.
CREATE INDEX cases_by_ref ON cases (source, source_ref) WHERE source_ref IS NOT NULL;

INSERT INTO subjects (code, name_zh, name_en) VALUES
    ('property_company', '物业服务企业', 'property company'),
    ('owners_committee', '业主委员会', 'owners'' committee'),
    ('developer', '开发建设单位', 'developer'),
    ('department', '职能部门', 'government department');

INSERT INTO units (code, name, builtin) VALUES
    ('ZJ', '区住房和城乡建设局(区物业办)', 1),
    ('JD', '街道办事处', 1),
    ('SF', '区司法局', 1),
    ('GA', '公安分局', 1),
    ('CG', '区城市综合管理局', 1),
    ('GH', '规划分局', 1),
    ('HB', '环保分局', 1),
    ('YJ', '区应急管理局', 1),
    ('RF', '区人防办', 1),
    ('SJ', '区市场监督管理局', 1),
    ('CZ', '区财政局', 1),
    ('SW', '区税务局', 1);

INSERT INTO problems (code, subject, title, days, default_unit) VALUES
    ('WY-01', 'property_company', '未按规定签订物业服务合同，或未在规定时间内办理合同备案', 15, NULL),
    ('WY-02', 'property_company', '未按合同约定或行业标准提供物业服务，业主多次投诉', 15, NULL),
    ('WY-03', 'property_company', '处理业主有效投诉不及时、不积极、不配合', 7, NULL),
    ('WY-04', 'property_company', '擅自占用、挖掘物业管理区域内道路、场地，损害业主共同利益', 7, NULL),
    ('WY-05', 'property_company', '擅自利用共有道路、绿地、场地或共用部位停车、设广告经营，收益未单独列账、未公示、未惠及业主', 15, NULL),
    ('WY-06', 'property_company', '以业主欠费为由停水、停电、停暖，或不予充值变相停水停电停暖', 1, NULL),
    ('WY-07', 'property_company', '与业主委员会关系恶化、互不配合，业主反映强烈', 15, NULL),
    ('WY-08', 'property_company', '不服从街道办事处、社区居(村)民委员会监督管理', 7, NULL),
    ('WY-09', 'property_company', '合同终止后未在合理期限内移交物业管理用房和相关资料', 15, NULL),
    ('WY-10', 'property_company', '未按规定擅自撤离物业管理区域、停止物业服务', 3, NULL),
    ('WY-11', 'property_company', '未在显著位置公示服务内容、服务标准及收费项目、收费标准', 7, NULL),
    ('WY-12', 'property_company', '擅自提高收费标准、增加收费项目', 7, NULL),
    ('WY-13', 'property_company', '擅自停用消防设施，或未按规定维保、年度检测', 3, NULL),
    ('WY-14', 'property_company', '对违反治安、环保、消防、私搭乱建、侵占公共区域绿地、违规养犬、违规装修等行为劝阻无效未报告', 3, NULL),
    ('WY-15', 'property_company', '违章建筑经规划部门认定后未及时拆除', 15, NULL),
    ('WY-16', 'property_company', '生活垃圾未日产日清，小区环境脏乱差', 3, NULL),
    ('YW-01', 'owners_committee', '违反业主大会议事规则、业主大会决议', 15, NULL),
    ('YW-02', 'owners_committee', '未与业主大会依法选聘或续聘的物业服务企业签订物业服务合同', 15, NULL),
    ('YW-03', 'owners_committee', '违反业主大会和业主委员会指导规则，未及时终止相关委员职务', 15, NULL),
    ('YW-04', 'owners_committee', '履职中不接受街道办事处、社区指导和监督', 15, NULL),
    ('YW-05', 'owners_committee', '不按程序决定事项、以权谋私、互相勾连、向物业公司索要财物', 15, NULL),
    ('YW-06', 'owners_committee', '届满后未及时向新一届业委会移交财物、资料、印章', 15, NULL),
    ('YW-07', 'owners_committee', '煽动或蛊惑业主、制造矛盾，引发群体性事件', 3, NULL),
    ('YW-08', 'owners_committee', '委员不交物业费，或利用职权吃、拿、卡、要', 15, NULL),
    ('KF-01', 'developer', '不认真履行质保期内维修责任', 15, NULL),
    ('KF-02', 'developer', '未按规划要求建设相关配套设施', 30, NULL),
    ('KF-03', 'developer', '未进行物业承接查验即交付使用', 30, NULL),
    ('KF-04', 'developer', '未按规定进行前期物业管理招投标', 30, NULL),
    ('KF-05', 'developer', '小区配套空置车位只售不租', 15, NULL),
    ('ZN-01', 'department', '对新建项目未按前期物业招投标办法监督管理', 15, 'ZJ'),
    ('ZN-02', 'department', '对新建项目未履行承接查验职责进行查处', 15, 'ZJ'),
    ('ZN-03', 'department', '对物业服务质量、违规行为监督、投诉处理不及时', 7, 'ZJ'),
    ('ZN-04', 'department', '未建立健全物业管理电子信息平台', 30, 'ZJ'),
    ('ZN-05', 'department', '未按规定及时认定私搭乱建等违法建筑性质', 7, 'GH'),
    ('ZN-06', 'department', '未及时处理举报的私搭乱建、侵占绿地、占用公共通道', 3, 'CG'),
    ('ZN-07', 'department', '未及时处理举报的油烟等乱排乱放', 7, 'HB'),
    ('ZN-08', 'department', '未及时处理举报的噪声、排污等乱排乱放', 7, 'HB'),
    ('ZN-09', 'department', '未及时处理私拉乱接电线、电动车上楼及飞线充电、占用消防通道等消防安全问题', 1, 'YJ'),
    ('ZN-10', 'department', '未及时处理故意堵塞小区主、次出入口', 1, 'GA'),
    ('ZN-11', 'department', '未履行小区养犬管理职责', 7, 'GA'),
    ('ZN-12', 'department', '未按条例履行维修养护责任', 15, 'ZJ'),
    ('ZN-13', 'department', '未及时对特种设备进行检测', 7, 'SJ'),
    ('ZN-14', 'department', '未及时查处举报的违规收费', 7, 'SJ'),
    ('ZN-15', 'department', '组织指导不力致首届业主大会长期无法召开、无法选举业委会', 30, 'JD'),
    ('ZN-16', 'department', '组织指导不力致业主大会成立中弄虚作假、违法或侵害业主权利', 30, 'JD'),
    ('ZN-17', 'department', '具备条件但社区居委会未及时代行业委会职责，致公共事项无法解决', 15, 'JD'),
    ('ZN-18', 'department', '业委会选举争议、选聘续聘物业纠纷半年内未有效解决', 30, 'JD'),
    ('ZN-19', 'department', '业委会任期届满后未及时组织换届选举', 30, 'JD'),
    ('QT-00', NULL, '其他', 15, NULL);
