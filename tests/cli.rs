//! The command surface (issue 2, PRODUCT.md §8): help and examples,
//! completions and the man page, usage errors and their exit code, the
//! global flags (`--db`, `LEDGER_DB`, `--lang`), output formats, and
//! output into pipes that close early.

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::common::{NOW, OFFICE, TestEnv, add_args, five_cases};

// --- Help, completions, man.

#[test]
fn completions_and_man_page_need_no_ledger() {
    let env = TestEnv::new();
    let bash = env.ledger(&["completions", "bash"]).ok().stdout;
    assert!(
        bash.contains("_ledger()") && bash.contains("assign"),
        "bash"
    );
    let zsh = env.ledger(&["completions", "zsh"]).ok().stdout;
    assert!(zsh.starts_with("#compdef ledger"), "zsh");
    let fish = env.ledger(&["completions", "fish"]).ok().stdout;
    assert!(fish.contains("complete -c ledger"), "fish");
    let man = env.ledger(&["man"]).ok().stdout;
    assert!(man.contains(".TH ledger"), "man: {man}");
    assert!(!env.db().exists(), "no file needed, none created");
}

/// The subcommands `ledger --help` lists.
fn subcommands(env: &TestEnv) -> Vec<String> {
    let help = env.ledger(&["--help"]).ok().stdout;
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_help_has_an_example() {
    let env = TestEnv::new();
    let commands = subcommands(&env);
    for c in [
        "init",
        "add",
        "assign",
        "defer",
        "close",
        "reopen",
        "note",
        "show",
        "list",
        "report",
        "catalog",
        "unit",
        "check",
        "rebuild",
        "demo",
        "completions",
        "man",
    ] {
        assert!(commands.iter().any(|x| x == c), "{c} missing from --help");
    }
    // Chinese by default (issue 12): 示例; English with --lang en.
    let top = env.ledger(&["--help"]).ok().stdout;
    assert!(top.contains("示例"));
    let top = env.ledger(&["--lang", "en", "--help"]).ok().stdout;
    assert!(top.contains("Example"));
    let mut lines: Vec<Vec<&str>> = commands.iter().map(|c| vec![c.as_str()]).collect();
    lines.push(vec!["unit", "add"]);
    for mut line in lines {
        line.push("--help");
        let zh = env.ledger(&line).ok();
        assert!(zh.stdout.contains("示例"), "{line:?}: {}", zh.stdout);
        line.insert(0, "--lang=en");
        let r = env.ledger(&line).ok();
        assert!(
            r.stdout.contains("Example"),
            "{line:?} has no example:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("ledger "),
            "{line:?}: the example runs ledger"
        );
    }
}

// --- Usage errors exit 2 and write nothing.

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::init();
    let before = env.snapshot();
    env.ledger(&["frobnicate"]).usage();
    env.ledger(&["add", "--summary", "no community"]).usage();
    env.ledger(&["list", "--no-such-flag"]).usage();
    before.assert_unchanged();
    // A bad LEDGER_NOW is a usage error too.
    env.at("someday").ledger(&["list"]).usage();
}

#[test]
fn assign_due_and_days_together_is_a_usage_error() {
    let env = TestEnv::init();
    let id = env.new_case();
    let r = env.usage_error(&[
        "assign",
        &id,
        "--unit",
        "JD",
        "--due",
        "2026-12-31",
        "--days",
        "10",
    ]);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
    assert_eq!(env.status(&id), "open");
}

// --- Which file: --db, LEDGER_DB, and no file yet.

#[test]
fn ledger_db_variable_and_db_flag_choose_the_file() {
    let env = TestEnv::new();
    let office = env.run().var("LEDGER_DB", "office.db");
    office
        .ledger(&["init", "--office", "S07", "--name", "建设路街道"])
        .ok();
    assert!(env.dir().join("office.db").is_file());
    assert!(!env.db().exists(), "LEDGER_DB replaces ./ledger.db");
    let id = office
        .ledger(&["add", "--community", "幸福里小区", "--summary", "停水"])
        .ok()
        .stdout;
    assert_eq!(id, "S07-2026-0001\n");
    assert_eq!(office.list_ids(&[]), ["S07-2026-0001"]);
    // --db wins over LEDGER_DB.
    office
        .ledger(&["--lang", "en", "--db", "other.db", "list"])
        .refused()
        .err_has("no ledger at other.db");
    // --db anywhere on the line, with a path in a sub-folder.
    std::fs::create_dir(env.dir().join("sub")).unwrap();
    env.ledger(&[
        "init",
        "--db",
        "sub/x.db",
        "--office",
        "S08",
        "--name",
        "解放路街道",
    ])
    .ok();
    assert!(env.dir().join("sub/x.db").is_file());
    let r = env
        .ledger(&[
            "add",
            "--community",
            "c",
            "--summary",
            "s",
            "--db",
            "sub/x.db",
        ])
        .ok();
    assert_eq!(r.stdout, "S08-2026-0001\n");
    assert!(!env.db().exists());
}

#[test]
fn missing_ledger_points_to_init_and_creates_nothing() {
    let env = TestEnv::new();
    for a in [
        vec!["list"],
        vec!["add", "--community", "c", "--summary", "s"],
        vec!["check"],
    ] {
        env.ledger(&a)
            .refused()
            .one_line_error()
            .err_has("ledger init");
        assert!(!env.db().exists(), "{a:?} created a file");
    }
}

// --- Formats: JSON keys, CSV, tables in either language.

/// The keys of every case in `list --format json`.
const LIST_KEYS: [&str; 19] = [
    "id",
    "office",
    "status",
    "received_at",
    "source",
    "source_ref",
    "community",
    "address",
    "summary",
    "subject",
    "problem",
    "party",
    "unit",
    "due",
    "closed_at",
    "result",
    "key",
    "overdue",
    "long_running",
];

/// The keys a bare open case leaves null.
const OPTIONAL_KEYS: [&str; 8] = [
    "source_ref",
    "address",
    "subject",
    "problem",
    "unit",
    "due",
    "closed_at",
    "result",
];

#[test]
fn list_json_has_every_key_with_iso_dates() {
    let env = TestEnv::init();
    let a = env.add(&add_args(
        "幸福里小区",
        "停水",
        &[
            "--problem",
            "WY-06",
            "--source",
            "hotline",
            "--ref",
            "12345-0087",
            "--address",
            "幸福路1号",
            "--party",
            "某某物业公司",
            "--key",
            "--received",
            "2026-11-20 08:30",
        ],
    ));
    env.ledger(&["assign", &a, "--unit", "JD"]).ok();
    env.ledger(&[
        "close",
        &a,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    let open = env.new_case();
    let list = env.ledger(&["list", "--format", "json"]).ok().json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "closed cases are listed too");
    for c in list {
        for key in LIST_KEYS {
            assert!(c.get(key).is_some(), "{} lacks {key}: {c}", c["id"]);
        }
        for flag in ["key", "overdue", "long_running"] {
            assert!(c[flag].is_boolean(), "{flag} is a boolean");
        }
        chrono::DateTime::parse_from_rfc3339(c["received_at"].as_str().unwrap())
            .expect("received_at is RFC 3339");
    }
    let c = &list[0];
    assert_eq!(c["id"], a.as_str());
    assert_eq!(c["office"], OFFICE);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["received_at"], "2026-11-20T08:30:00+08:00");
    assert_eq!(c["source"], "hotline");
    assert_eq!(c["source_ref"], "12345-0087");
    assert_eq!(c["community"], "幸福里小区");
    assert_eq!(c["address"], "幸福路1号");
    assert_eq!(c["summary"], "停水");
    assert_eq!(c["subject"], "property_company");
    assert_eq!(c["problem"], "WY-06");
    assert_eq!(c["party"], "某某物业公司");
    assert_eq!(c["unit"], "JD");
    assert_eq!(c["due"], "2026-11-27");
    chrono::NaiveDate::parse_from_str(c["due"].as_str().unwrap(), "%Y-%m-%d")
        .expect("due is an ISO date");
    assert_eq!(c["closed_at"], NOW);
    assert_eq!(c["result"], "resolved");
    assert_eq!(c["key"], true);
    let o = &list[1];
    assert_eq!(o["id"], open.as_str());
    for k in OPTIONAL_KEYS {
        assert_eq!(o[k], Value::Null, "{k} of a bare open case");
    }
    assert_eq!(o["source"], "other");
    assert_eq!(o["key"], false);
}

#[test]
fn list_csv_has_a_bom_and_a_header() {
    let (env, ids) = five_cases();
    let r = env.ledger(&["list", "--format", "csv"]).ok();
    assert!(
        r.stdout
            .starts_with("\u{feff}id,office,status,received_at,"),
        "{}",
        r.stdout
    );
    let mut rdr = csv::Reader::from_reader(r.stdout.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().unwrap().clone();
    for key in [
        "id",
        "summary",
        "unit",
        "due",
        "closed_at",
        "result",
        "overdue",
        "long_running",
    ] {
        assert!(headers.iter().any(|h| h == key), "CSV header lacks {key}");
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 5);
    let got: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(got, ids.iter().map(String::as_str).collect::<Vec<_>>());
    let summary = headers.iter().position(|h| h == "summary").unwrap();
    assert_eq!(&rows[0][summary], "停水");
    // Empty lists still have the header.
    let r = env
        .ledger(&["list", "--format", "csv", "--office", "S99"])
        .ok();
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(r.stdout.starts_with('\u{feff}'));
}

#[test]
fn list_table_is_chinese_by_default_and_english_with_lang_en() {
    let (env, ids) = five_cases();
    let zh = env.ledger(&["list"]).ok();
    for h in ["编号", "状态", "受理日期", "小区", "单位", "办结时限"] {
        assert!(zh.stdout.contains(h), "Chinese header {h}:\n{}", zh.stdout);
    }
    for label in ["已转办", "已销号", "暂缓", "待处理", "重点", "超半年"] {
        assert!(zh.stdout.contains(label), "Chinese label {label}");
    }
    for id in &ids {
        assert!(zh.stdout.contains(id.as_str()));
    }
    assert!(zh.stderr.contains("5 件"), "{}", zh.stderr);
    let en = env.ledger(&["--lang", "en", "list"]).ok();
    for h in ["id", "status", "received", "community", "unit", "due"] {
        assert!(en.stdout.contains(h), "English header {h}:\n{}", en.stdout);
    }
    for label in [
        "assigned",
        "closed",
        "deferred",
        "open",
        "key",
        "long-running",
    ] {
        assert!(en.stdout.contains(label), "English label {label}");
    }
    for zh_only in ["编号", "状态", "已转办", "已销号"] {
        assert!(
            !en.stdout.contains(zh_only),
            "--lang en still shows {zh_only}"
        );
    }
    assert!(en.stderr.contains("5 cases"), "{}", en.stderr);
    // Content stays as entered.
    assert!(en.stdout.contains("幸福里小区"));
    // Plain ASCII borders on request.
    let ascii = env.ledger(&["list", "--ascii"]).ok();
    assert!(!ascii.stdout.contains('│') && ascii.stdout.contains('|'));
}

#[test]
fn show_is_chinese_by_default_and_english_with_lang_en() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--problem", "WY-06", "--source", "hotline"],
    ));
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    let zh = env.ledger(&["show", &id]).ok().stdout;
    for s in [
        "状态",
        "已转办",
        "市长热线",
        "问题类型",
        "WY-06 以业主欠费为由停水",
        "JD 街道办事处",
        "办结时限",
        "2026-11-27",
    ] {
        assert!(zh.contains(s), "{s}:\n{zh}");
    }
    let en = env.ledger(&["--lang", "en", "show", &id]).ok().stdout;
    for s in [
        "status",
        "assigned",
        "hotline",
        "problem",
        "registered",
        "due",
    ] {
        assert!(en.contains(s), "{s}:\n{en}");
    }
    for s in ["状态", "已转办", "市长热线"] {
        assert!(!en.contains(s), "--lang en still shows {s}:\n{en}");
    }
}

// --- Pipes.

fn demo_file(env: &TestEnv, cases: &str) -> std::path::PathBuf {
    env.demo_office(cases).join("S01.db")
}

/// Runs `ledger ARGS | head -c 10`: reads a little, closes the pipe, and
/// returns the exit code and stderr.
fn read_a_little(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let mut child = env
        .run()
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 10];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn output_cut_short_by_head_exits_quietly() {
    let env = TestEnv::new();
    let db = demo_file(&env, "300");
    let db = db.to_str().unwrap();
    for format in ["json", "csv", "table"] {
        let (code, stderr) = read_a_little(&env, &["--db", db, "list", "--format", format]);
        assert_eq!(code, 0, "list --format {format} | head: {stderr}");
        assert!(
            !stderr.contains("error"),
            "list --format {format} | head: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Runs `ledger ARGS` with its stdout already closed (`ledger ... | true`):
/// exit 0 and nothing on stderr.
fn into_a_closed_pipe(env: &TestEnv, args: &[&str]) {
    let mut child = env
        .run()
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
}

#[test]
fn output_into_a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    let db = demo_file(&env, "30");
    let db = db.to_str().unwrap();
    for _ in 0..3 {
        into_a_closed_pipe(&env, &["completions", "bash"]);
        into_a_closed_pipe(&env, &["man"]);
        into_a_closed_pipe(&env, &["--db", db, "list", "--format", "json"]);
        into_a_closed_pipe(&env, &["--db", db, "catalog", "problems"]);
        into_a_closed_pipe(&env, &["--db", db, "show", "S01-2026-0001"]);
    }
}
