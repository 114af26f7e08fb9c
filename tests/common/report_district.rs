//! The district of the report tests: offices S07 and S08 with fourteen
//! cases whose figures `tests/report.rs` works out by hand, merged into
//! the district's `ledger.db`.

use serde_json::Value;

use crate::common::{Run, TestEnv};

pub const S07: &str = "s07.db";
pub const S08: &str = "s08.db";

/// One office's file in the test folder.
pub struct Office<'a> {
    pub env: &'a TestEnv,
    pub db: &'static str,
}

impl Office<'_> {
    /// `add` in `community` received at `when`, with `rest` of the flags;
    /// returns the new id.
    pub fn add(&self, when: &str, community: &str, rest: &str) -> String {
        self.at(
            when,
            format!("add --community {community} --summary 投诉 {rest}").trim(),
        )
    }

    /// Runs `ledger --db DB WORDS` (split at spaces) with the clock at
    /// `when` (a date means 09:00 that day, +08:00); must succeed; returns
    /// stdout trimmed (an `add` prints the new id alone). A case added
    /// this way is received at that moment.
    pub fn at(&self, when: &str, words: &str) -> String {
        let when = if when.len() == 10 {
            format!("{when}T09:00:00+08:00")
        } else {
            when.to_string()
        };
        let mut args = vec!["--db", self.db];
        args.extend(words.split(' '));
        let r = self.env.at(&when).ledger(&args).ok();
        r.stdout.trim().to_string()
    }
}

/// The cases, named as in the hand computations. Received dates, and why:
///
/// | case | office | community  | problem | received   | what happens                          | party | key |
/// |------|--------|------------|---------|------------|---------------------------------------|-------|-----|
/// | c1   | S07    | 幸福里小区 | WY-06   | 2026-01-10 | JD, closed resolved 01-15 (5.0 d)      | 鑫源  | key |
/// | c2   | S07    | 幸福里小区 | WY-06   | 2026-04-10 | JD, closed unfounded 04-12 21:00 (2.5 d) | 鑫源 |   |
/// | c3   | S07    | 幸福里小区 | WY-06   | 2026-07-10 | open                                  |       |     |
/// | c4   | S07    | 阳光花园   | WY-12   | 2026-03-01 | ZJ due 03-15 (overdue)                 | 鑫源  | key |
/// | c5   | S07    | 阳光花园   | WY-12   | 2026-05-30 | JD due 06-10, then deferred            |       |     |
/// | c6   | S07    | 阳光花园   | WY-12   | 2026-05-31 | JD due 12-31                           | 鑫源  |     |
/// | c7   | S07    | 和平小区   | ZN-06   | 2026-11-01 | CG (default) due 11-10 (overdue)       |       | key |
/// | c8   | S07    | 和平小区   | ZN-06   | 2026-11-20 | closed duplicate of c7 11-21 (1.0 d)   |       |     |
/// | c9   | S07    | 南湖小区   | —       | 2026-02-01 | open                                  |       |     |
/// | c10  | S07    | 南湖小区   | WY-02   | 2026-10-01 | closed out_of_scope 10-04 (3.0 d)      | 锦华  |     |
/// | c11  | S07    | 幸福里小区 | WY-07   | 2026-01-12 | JD, closed resolved 02-11 (30.0 d)     |       |     |
/// | c12  | S07    | 幸福里二期 | WY-06   | 2026-01-11 | open                                  |       |     |
/// | d1   | S08    | 阳光花园   | WY-12   | 2026-08-15 | ZJ, closed resolved 08-17 (2.0 d)      | 锦华  |     |
/// | d2   | S08    | 和平小区   | ZN-10   | 2026-11-25 | open                                  |       |     |
///
/// Both offices export; the district (`ledger.db`) merges the two files.
/// The report runs on the district file at the harness's now, 2026-11-26.
pub struct Fixture {
    pub env: TestEnv,
    pub c: Vec<String>,
    pub d: Vec<String>,
}

impl Fixture {
    /// `c(1)` is c1, and so on.
    pub fn c(&self, n: usize) -> String {
        self.c[n - 1].clone()
    }
    pub fn d(&self, n: usize) -> String {
        self.d[n - 1].clone()
    }
    pub fn ledger(&self, args: &[&str]) -> Run {
        self.env.ledger(args).ok()
    }
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["report", "--format", "json"];
        all.extend_from_slice(args);
        self.ledger(&all).json()
    }
}

pub const XINYUAN: &str = "鑫源物业服务有限公司";
pub const JINHUA: &str = "锦华物业服务有限公司";

pub fn fixture() -> Fixture {
    let env = TestEnv::new();
    let s07 = Office { env: &env, db: S07 };
    let s08 = Office { env: &env, db: S08 };
    let district = Office {
        env: &env,
        db: "ledger.db",
    };
    s07.at("2026-01-01", "init --office S07 --name 建设路街道");
    s08.at("2026-01-01", "init --office S08 --name 解放路街道");
    let c = s07_cases(&s07);
    let d = s08_cases(&s08);
    s07.at("2026-11-26", "export --out s07.csv");
    s08.at("2026-11-26", "export --out s08.csv");
    district.at("2026-11-26", "init --office D --name 示范区 --district");
    env.trust("ledger.db", S07);
    env.trust("ledger.db", S08);
    district.at("2026-11-26", "merge s07.csv s08.csv");
    Fixture { c, d, env }
}

/// c1 to c12 of the table above, in office S07.
fn s07_cases(s07: &Office) -> Vec<String> {
    let mut cases = s07_cases_1_to_6(s07);
    cases.extend(s07_cases_7_to_12(s07));
    cases
}

fn s07_cases_1_to_6(s07: &Office) -> Vec<String> {
    let (a, b) = ("幸福里小区", "阳光花园");

    let c1 = s07.add(
        "2026-01-10",
        a,
        &format!("--problem WY-06 --party {XINYUAN} --key"),
    );
    s07.at(
        "2026-01-10",
        &format!("assign {c1} --unit JD --due 2026-01-20"),
    );
    s07.at(
        "2026-01-15",
        &format!("close {c1} --result resolved --resolution 已恢复供水"),
    );

    let c2 = s07.add(
        "2026-04-10",
        a,
        &format!("--problem WY-06 --party {XINYUAN}"),
    );
    s07.at(
        "2026-04-10",
        &format!("assign {c2} --unit JD --due 2026-04-20"),
    );
    s07.at(
        "2026-04-12T21:00:00+08:00",
        &format!("close {c2} --result unfounded --resolution 经核实不属实"),
    );

    let c3 = s07.add("2026-07-10", a, "--problem WY-06");

    let c4 = s07.add(
        "2026-03-01",
        b,
        &format!("--problem WY-12 --party {XINYUAN} --key"),
    );
    s07.at(
        "2026-03-01",
        &format!("assign {c4} --unit ZJ --due 2026-03-15"),
    );

    let c5 = s07.add("2026-05-30", b, "--problem WY-12");
    s07.at(
        "2026-05-30",
        &format!("assign {c5} --unit JD --due 2026-06-10"),
    );
    s07.at(
        "2026-05-30",
        &format!("defer {c5} --plan 待业主大会表决后处理"),
    );

    let c6 = s07.add(
        "2026-05-31",
        b,
        &format!("--problem WY-12 --party {XINYUAN}"),
    );
    s07.at(
        "2026-05-31",
        &format!("assign {c6} --unit JD --due 2026-12-31"),
    );
    vec![c1, c2, c3, c4, c5, c6]
}

fn s07_cases_7_to_12(s07: &Office) -> Vec<String> {
    let (a, c, d) = ("幸福里小区", "和平小区", "南湖小区");
    let c7 = s07.add("2026-11-01", c, "--problem ZN-06 --key");
    s07.at("2026-11-01", &format!("assign {c7} --due 2026-11-10"));

    let c8 = s07.add("2026-11-20", c, "--problem ZN-06");
    s07.at(
        "2026-11-21",
        &format!("close {c8} --result duplicate --duplicate-of {c7} --resolution 同一事项"),
    );

    let c9 = s07.add("2026-02-01", d, "");

    let c10 = s07.add(
        "2026-10-01",
        d,
        &format!("--problem WY-02 --party {JINHUA}"),
    );
    s07.at(
        "2026-10-04",
        &format!("close {c10} --result out_of_scope --resolution 非物业问题"),
    );

    let c11 = s07.add("2026-01-12", a, "--problem WY-07");
    s07.at(
        "2026-01-12",
        &format!("assign {c11} --unit JD --due 2026-01-27"),
    );
    s07.at(
        "2026-02-11",
        &format!("close {c11} --result resolved --resolution 已协调"),
    );

    let c12 = s07.add("2026-01-11", "幸福里二期", "--problem WY-06");
    vec![c7, c8, c9, c10, c11, c12]
}

/// d1 and d2 of the table above, in office S08.
fn s08_cases(s08: &Office) -> Vec<String> {
    let d1 = s08.add(
        "2026-08-15",
        "阳光花园",
        &format!("--problem WY-12 --party {JINHUA}"),
    );
    s08.at(
        "2026-08-15",
        &format!("assign {d1} --unit ZJ --due 2026-08-30"),
    );
    s08.at(
        "2026-08-17",
        &format!("close {d1} --result resolved --resolution 已整改"),
    );

    let d2 = s08.add("2026-11-25", "和平小区", "--problem ZN-10");
    vec![d1, d2]
}
