//! Making a ledger and the lists it is made with (issue 2, PRODUCT.md
//! §2, §8): `init` for an office or the district, the problem catalogue,
//! the responsible units and the local ones a clerk adds, and `demo`.

use serde_json::Value;

use crate::common::{Snapshot, TestEnv};

// --- init.

#[test]
fn init_creates_the_file_and_a_second_init_is_refused() {
    let env = TestEnv::new();
    let r = env
        .ledger(&["init", "--office", "S07", "--name", "建设路街道"])
        .ok();
    assert!(r.stdout.is_empty(), "init prints no data: {}", r.stdout);
    assert!(env.db().is_file());
    env.check();
    env.refuses(
        &["init", "--office", "S08", "--name", "解放路街道"],
        "already exists",
    );
    env.refuses(
        &["init", "--office", "S07", "--name", "建设路街道"],
        "already exists",
    );
}

#[test]
fn init_refuses_bad_codes_and_names_and_leaves_no_file() {
    let env = TestEnv::new();
    for bad in ["S-07", "ABCDEFGHI", "街道", ""] {
        env.ledger(&["init", "--office", bad, "--name", "建设路街道"])
            .refused()
            .err_has("街道代码");
        assert!(!env.db().exists(), "no file after a refused init ({bad:?})");
    }
    env.ledger(&["--lang", "en", "init", "--office", "S07", "--name", "  "])
        .refused()
        .err_has("the office name must not be empty");
    assert!(!env.db().exists());
}

#[test]
fn office_code_is_upper_cased() {
    let env = TestEnv::new();
    env.ledger(&["init", "--office", "s07", "--name", "建设路街道"])
        .ok();
    let id = env.new_case();
    assert_eq!(id, "S07-2026-0001");
    assert_eq!(env.case(&id)["office"], "S07");
    assert_eq!(env.list_ids(&["--office", "s07"]), [id.as_str()]);
    assert!(env.list_ids(&["--office", "S08"]).is_empty());
}

#[test]
fn init_district_marks_the_file_as_a_district() {
    let env = TestEnv::new();
    env.ledger(&["init", "--office", "d", "--name", "示范区", "--district"])
        .ok();
    let district: String = env
        .sqlite()
        .query_row("SELECT value FROM meta WHERE key = 'district'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(district, "1");
    assert_eq!(env.new_case(), "D-2026-0001");
    env.check();
    // An office file is not a district file.
    let office = TestEnv::init();
    let district: String = office
        .sqlite()
        .query_row("SELECT value FROM meta WHERE key = 'district'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(district, "0");
}

// --- The problem catalogue and the units.

#[test]
fn catalog_lists_the_49_problem_codes_with_their_rules() {
    let env = TestEnv::init();
    let list = env
        .ledger(&["catalog", "problems", "--format", "json"])
        .ok()
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 49);
    let count = |prefix: &str| {
        list.iter()
            .filter(|p| p["code"].as_str().unwrap().starts_with(prefix))
            .count()
    };
    assert_eq!(
        [
            count("WY-"),
            count("YW-"),
            count("KF-"),
            count("ZN-"),
            count("QT-")
        ],
        [16, 8, 5, 19, 1]
    );
    let days = |p: &Value| -> i64 {
        match p {
            Value::Number(n) => n.as_i64().unwrap(),
            Value::String(s) => s.parse().unwrap(),
            other => panic!("days is {other}"),
        }
    };
    let find = |code: &str| {
        list.iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("{code} missing"))
            .clone()
    };
    assert_eq!(find("QT-00")["subject"], "", "QT-00 goes with any subject");
    // Scripts get codes whatever --lang says.
    let en = env
        .ledger(&["--lang", "en", "catalog", "problems", "--format", "json"])
        .ok()
        .json();
    assert_eq!(en.as_array().unwrap(), list);
    let csv = env
        .ledger(&["catalog", "problems", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.contains("WY-06,property_company,"), "{csv}");
    assert_eq!(days(&find("WY-06")["days"]), 1);
    assert_eq!(find("WY-06")["subject"], "property_company");
    assert_eq!(days(&find("KF-02")["days"]), 30);
    assert_eq!(find("KF-02")["subject"], "developer");
    assert_eq!(days(&find("YW-07")["days"]), 3);
    assert_eq!(find("YW-07")["subject"], "owners_committee");
    assert_eq!(find("ZN-06")["default_unit"], "CG");
    assert_eq!(find("ZN-06")["subject"], "department");
    assert_eq!(days(&find("ZN-09")["days"]), 1);
    assert_eq!(find("ZN-09")["default_unit"], "YJ");
    assert!(find("WY-06")["title"].as_str().unwrap().contains("停水"));
    // Every department problem has a default unit; no other does.
    for p in list {
        let dept = p["code"].as_str().unwrap().starts_with("ZN-");
        assert_eq!(p["default_unit"] != "", dept, "{p}");
    }
    // The table, in both languages.
    let zh = env.ledger(&["catalog"]).ok().stdout;
    assert!(zh.contains("WY-06") && zh.contains("物业服务企业") && zh.contains("时限"));
    let en = env
        .ledger(&["--lang", "en", "catalog", "problems"])
        .ok()
        .stdout;
    assert!(en.contains("property company") && en.contains("days"));
}

// Regression: issue 12, `catalog problems` needed a ledger (`no ledger at
// ledger.db`), so a newcomer could not browse the codes before `init`.
#[test]
fn catalog_works_before_init_from_the_builtin_catalogue() {
    let env = TestEnv::new();
    let problems = env
        .ledger(&["catalog", "problems", "--format", "json"])
        .ok()
        .json();
    assert_eq!(problems.as_array().unwrap().len(), 49);
    let units = unit_codes(&env);
    assert_eq!(units, PLAN_UNITS);
    let table = env.ledger(&["catalog"]).ok();
    assert!(table.stdout.contains("WY-06") && table.stdout.contains("停水"));
    assert!(!env.db().exists(), "browsing makes no ledger");
    // With a ledger, the same catalogue and its local units.
    env.ledger(&["init", "--office", "S07", "--name", "建设路街道"])
        .ok();
    env.ledger(&["unit", "add", "SQ01", "幸福里社区居委会"])
        .ok();
    let with = env
        .ledger(&["catalog", "problems", "--format", "json"])
        .ok()
        .json();
    assert_eq!(with, problems);
    assert_eq!(unit_codes(&env).last().unwrap(), "SQ01");
}

// Regression: issue 12, `catalog --help` pointed to `PRODUCT.md §4`, a
// document the clerk does not have.
#[test]
fn no_help_text_names_an_internal_document() {
    let env = TestEnv::new();
    // Every command, nested ones too, from its manual page's name
    // (`ledger-credit-company-add.1`), whatever language help is in.
    env.ledger(&["man", "--dir", "man"]).ok();
    let commands: Vec<Vec<String>> = std::fs::read_dir(env.dir().join("man"))
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let name = name.trim_end_matches(".1").to_string();
            name.split('-').skip(1).map(String::from).collect()
        })
        .collect();
    assert!(commands.len() > 30, "{commands:?}");
    for mut c in commands {
        c.push("--help".into());
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        let help = env.ledger(&args).ok().stdout;
        for internal in ["PRODUCT", ".md §", "§", "issue "] {
            assert!(
                !help.contains(internal),
                "{c:?} names {internal:?}:\n{help}"
            );
        }
    }
}

const PLAN_UNITS: [&str; 12] = [
    "ZJ", "JD", "SF", "GA", "CG", "GH", "HB", "YJ", "RF", "SJ", "CZ", "SW",
];

fn unit_codes(env: &TestEnv) -> Vec<String> {
    env.ledger(&["catalog", "units", "--format", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn local_units_are_listed_assignable_and_rebuilt() {
    let env = TestEnv::init();
    assert_eq!(unit_codes(&env), PLAN_UNITS);
    env.ledger(&["unit", "add", "sq01", "幸福里社区居委会"])
        .ok();
    let mut expected: Vec<&str> = PLAN_UNITS.to_vec();
    expected.push("SQ01");
    assert_eq!(unit_codes(&env), expected);
    let units = env
        .ledger(&["catalog", "units", "--format", "json"])
        .ok()
        .json();
    let sq = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "SQ01")
        .unwrap()
        .clone();
    assert_eq!(sq["name"], "幸福里社区居委会");
    assert_eq!(sq["kind"], "local", "a local unit is marked as such");
    assert_eq!(units[0]["kind"], "plan");
    // Scripts get codes whatever --lang says; tables get labels.
    let en = env
        .ledger(&["--lang", "en", "catalog", "units", "--format", "json"])
        .ok()
        .json();
    assert_eq!(en, units);
    let zh = env.ledger(&["catalog", "units"]).ok().stdout;
    assert!(zh.contains("本地登记") && zh.contains("行动方案"), "{zh}");
    // A registered unit is assignable by code or name, and survives a rebuild.
    let id = env.new_case();
    env.ledger(&["assign", &id, "--unit", "幸福里社区居委会"])
        .ok();
    assert_eq!(env.case(&id)["unit"], "SQ01");
    assert_eq!(env.list_ids(&["--unit", "sq01"]), [id.as_str()]);
    env.check();
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(unit_codes(&env), expected);
}

#[test]
fn duplicate_unit_code_or_name_is_refused() {
    let env = TestEnv::init();
    env.ledger(&["unit", "add", "SQ01", "幸福里社区居委会"])
        .ok();
    env.refuses(
        &["unit", "add", "sq01", "阳光社区居委会"],
        "unit code SQ01 is taken by 幸福里社区居委会",
    );
    env.refuses(&["unit", "add", "CG", "城管"], "unit code CG is taken");
    env.refuses(
        &["unit", "add", "SQ02", "幸福里社区居委会"],
        "a unit named 幸福里社区居委会 exists already, as SQ01",
    );
    env.refuses(&["unit", "add", "SQ03", " "], "must not be empty");
    let before = env.snapshot();
    env.ledger(&["unit", "add", "社区", "x"])
        .refused()
        .err_has("不是单位代码");
    before.assert_unchanged();
    env.check();
}

// --- demo.

#[test]
fn demo_builds_checkable_ledgers_and_prints_a_report() {
    let env = TestEnv::new();
    let dir = env.dir().join("demo");
    let d = dir.to_str().unwrap();
    let r = env
        .ledger(&["demo", "--dir", d, "--offices", "2", "--cases", "50"])
        .ok();
    assert!(
        r.stdout.contains("问题总数"),
        "the report is printed:\n{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("S01.db") && r.stderr.contains("S02.db"),
        "{}",
        r.stderr
    );
    for office in ["S01", "S02"] {
        let file = dir.join(format!("{office}.db"));
        assert!(file.is_file(), "{office}.db");
        let f = file.to_str().unwrap();
        let ok = env.ledger(&["--db", f, "check"]).ok();
        assert!(ok.stdout.starts_with("ok:"), "{}", ok.stdout);
        assert!(ok.stdout.contains(" 50 cases"), "{}", ok.stdout);
        let ids = env.run().var("LEDGER_DB", &file).list_ids(&[]);
        assert_eq!(ids.len(), 50);
        assert!(ids.iter().all(|i| i.starts_with(&format!("{office}-"))));
        let rep = env
            .ledger(&["--db", f, "report", "--format", "json"])
            .ok()
            .json();
        assert_eq!(rep["total"], 50);
        let statuses = ["open", "assigned", "deferred", "closed"];
        let sum: i64 = statuses
            .iter()
            .map(|s| rep["by_status"][s].as_i64().unwrap())
            .sum();
        assert_eq!(sum, 50);
        for s in statuses {
            assert!(
                rep["by_status"][s].as_i64().unwrap() > 0,
                "{office}: some {s} cases"
            );
        }
    }
    // A second demo into the same folder is refused and leaves the files alone.
    let s01 = Snapshot::of(&dir.join("S01.db"));
    env.ledger(&[
        "--lang",
        "en",
        "demo",
        "--dir",
        d,
        "--offices",
        "1",
        "--cases",
        "5",
    ])
    .refused()
    .err_has("already exists");
    s01.assert_unchanged();
}

#[test]
fn demo_is_reproducible() {
    let env = TestEnv::new();
    let list = |sub: &str| {
        let dir = env.dir().join(sub);
        env.ledger(&[
            "demo",
            "--dir",
            dir.to_str().unwrap(),
            "--offices",
            "1",
            "--cases",
            "20",
        ])
        .ok();
        env.run()
            .var("LEDGER_DB", dir.join("S01.db"))
            .ledger(&["list", "--format", "json", "--show-pii"])
            .ok()
            .stdout
    };
    assert_eq!(list("a"), list("b"), "same seed and clock, same ledger");
}
