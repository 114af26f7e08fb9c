//! The file stays whole and nothing entered is lost, whatever happens
//! (issues 2 and 7): processes killed mid-write, two clerks on one file,
//! hostile text, a full disk, files that are not (this version's)
//! ledgers, and `check` and `rebuild` finding and repairing damage.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{Snapshot, TestEnv, add_args};

/// A small deterministic generator for kill times.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Office S01 made by the demo generator, its export, and an empty
/// district as the env's ledger.db.
fn district_and_export(cases: &str) -> TestEnv {
    let env = TestEnv::new();
    env.ledger(&[
        "demo",
        "--dir",
        ".",
        "--offices",
        "1",
        "--cases",
        cases,
        "--no-district",
    ])
    .ok();
    env.init_district();
    env.trust("ledger.db", "S01.db");
    env
}

/// Runs `args` 50 times, killing it at a random moment each time (a run
/// that finishes first does not count, and the next aims earlier). After
/// every kill the file must be whole and hold all or none of the `whole`
/// cases the command makes; a finished run is undone with `reset`.
fn kill_repeatedly(env: &TestEnv, args: &[&str], full_ms: u64, whole: usize, reset: impl Fn()) {
    let mut full = full_ms.max(20);
    let mut rng = Lcg(7);
    let (mut killed, mut attempts) = (0, 0);
    while killed < 50 {
        attempts += 1;
        assert!(attempts < 400, "could not kill {args:?} mid-way 50 times");
        let mut child = env
            .run()
            .command(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(full)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        } else {
            // Finished first: this machine is quicker now; aim earlier.
            full = (full * 3 / 4).max(5);
        }
        child.wait().unwrap();
        // Whatever moment it died at, the file is whole: the rollback
        // journal is undone on the next open.
        env.check();
        let n = env.list_ids(&[]).len();
        assert!(
            n == 0 || n == whole,
            "{args:?} is all or nothing, got {n} cases"
        );
        if n == whole {
            reset();
        }
    }
}

// --- Killed at random moments.

#[test]
fn merge_killed_at_random_moments_leaves_a_whole_file_and_resumes() {
    let env = district_and_export("3000");
    // How long an uninterrupted merge takes, into a scratch copy.
    env.ledger(&[
        "--db",
        "ref.db",
        "init",
        "--office",
        "D",
        "--name",
        "示范区",
        "--district",
    ])
    .ok();
    env.trust("ref.db", "S01.db");
    let started = Instant::now();
    env.ledger(&["--db", "ref.db", "merge", "S01.csv"]).ok();
    let full = started.elapsed().as_millis() as u64;
    let reference = env
        .ledger(&["--db", "ref.db", "list", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    kill_repeatedly(&env, &["merge", "S01.csv"], full, 3000, || {
        std::fs::remove_file(env.db()).unwrap();
        env.init_district();
        env.trust("ledger.db", "S01.db");
    });
    env.ledger(&["merge", "S01.csv"]).ok();
    env.check();
    let after = env
        .ledger(&["list", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    assert_eq!(
        after, reference,
        "re-running the killed merge gives the uninterrupted result"
    );
}

#[test]
fn commands_killed_mid_way_lose_nothing_committed() {
    let env = TestEnv::init();
    let mut rng = Lcg(11);
    let mut made = Vec::new();
    for i in 0..50 {
        let summary = format!("第{i}件");
        let mut child = env
            .run()
            .command(&["add", "--community", "幸福里小区", "--summary", &summary])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(6000)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            made.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
        }
        env.check();
    }
    // Every add that reported an id is there; nothing else half-made is.
    let ids = env.list_ids(&[]);
    for id in &made {
        assert!(ids.contains(id), "{id} was reported but is missing");
    }
    let n = ids.len();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), n);
}

#[test]
fn bulk_intake_killed_at_random_moments_is_all_or_nothing() {
    let env = TestEnv::init();
    let mut csv = String::from("\u{feff}工单编号,来电时间,诉求人,联系电话,诉求内容,所属小区\n");
    for i in 0..4000 {
        csv.push_str(&format!(
            "RX2026{i:08},2026/{}/{} 9:{:02}:00,张三,13800000000,物业以欠费为由停水第{i}次,幸福里小区\n",
            1 + i % 10,
            1 + i % 28,
            i % 60
        ));
    }
    std::fs::write(env.dir().join("hotline.csv"), csv).unwrap();
    let started = Instant::now();
    env.ledger(&[
        "--db",
        "ref.db",
        "init",
        "--office",
        "S07",
        "--name",
        "建设路街道",
    ])
    .ok();
    env.ledger(&[
        "--db",
        "ref.db",
        "add",
        "--from",
        "hotline.csv",
        "--profile",
        "hotline",
    ])
    .ok();
    let full = started.elapsed().as_millis() as u64;
    kill_repeatedly(
        &env,
        &["add", "--from", "hotline.csv", "--profile", "hotline"],
        full,
        4000,
        || {
            std::fs::remove_file(env.db()).unwrap();
            env.ledger(&["init", "--office", "S07", "--name", "建设路街道"])
                .ok();
        },
    );
    env.ledger(&["add", "--from", "hotline.csv", "--profile", "hotline"])
        .ok();
    env.check();
    // The same cases as the uninterrupted import (event times aside).
    let strip = |json: String| -> Vec<(String, String, String)> {
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_string(),
                    c["source_ref"].as_str().unwrap().to_string(),
                    c["summary"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let ours = strip(env.ledger(&["list", "--format", "json"]).ok().stdout);
    let reference = strip(
        env.ledger(&["--db", "ref.db", "list", "--format", "json"])
            .ok()
            .stdout,
    );
    assert_eq!(ours.len(), 4000);
    assert_eq!(ours, reference);
}

// --- Two clerks on one file.

#[test]
fn concurrent_adds_get_distinct_ids() {
    let env = TestEnv::init();
    let children: Vec<_> = (0..8)
        .map(|k| {
            env.run()
                .command(&[
                    "add",
                    "--community",
                    "幸福里小区",
                    "--summary",
                    &format!("第{k}件"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        })
        .collect();
    ids.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("S07-2026-{n:04}")).collect();
    assert_eq!(ids, expected);
    env.check();
}

#[test]
fn two_clerks_on_one_file_wait_for_each_other() {
    let env = TestEnv::init();
    let clerk = |tag: &'static str| {
        let env = &env;
        move || {
            let mut ids = Vec::new();
            for i in 0..300 {
                let r = env.ledger(&[
                    "add",
                    "--community",
                    "幸福里小区",
                    "--summary",
                    &format!("{tag}{i}"),
                ]);
                assert_eq!(r.code, 0, "{tag} add {i}: {}", r.stderr);
                let id = r.stdout.trim().to_string();
                if i % 10 == 0 {
                    let r = env.ledger(&["assign", &id, "--unit", "JD"]);
                    assert_eq!(r.code, 0, "{tag} assign {id}: {}", r.stderr);
                }
                if i % 20 == 0 {
                    let r =
                        env.ledger(&["close", &id, "--result", "resolved", "--resolution", "办结"]);
                    assert_eq!(r.code, 0, "{tag} close {id}: {}", r.stderr);
                }
                ids.push(id);
            }
            ids
        }
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(clerk("甲"));
        let b = s.spawn(clerk("乙"));
        (a.join().unwrap(), b.join().unwrap())
    });
    let mut all: Vec<String> = a.into_iter().chain(b).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 600, "600 distinct ids");
    assert_eq!(env.list_ids(&[]).len(), 600);
    assert_eq!(env.list_ids(&["--status", "closed"]).len(), 30);
    env.check();
}

#[test]
fn backup_while_another_process_writes_is_consistent() {
    let env = TestEnv::init();
    let writer = std::thread::scope(|s| {
        let w = s.spawn(|| {
            for i in 0..60 {
                env.ledger(&[
                    "add",
                    "--community",
                    "小区",
                    "--summary",
                    &format!("写入{i}"),
                ])
                .ok();
            }
        });
        for i in 0..5 {
            std::thread::sleep(Duration::from_millis(30));
            env.ledger(&["backup", "--to", &format!("b{i}.db")]).ok();
        }
        w.join()
    });
    writer.unwrap();
    for i in 0..5 {
        env.ledger(&["--db", &format!("b{i}.db"), "check"]).ok();
    }
    env.refuses(&["backup", "--to", "b0.db"], "exists already");
}

// --- Hostile text.

#[test]
fn hostile_text_is_stored_and_shown_exactly() {
    let env = TestEnv::init();
    let long: String = "物业".repeat(5000);
    for text in [
        "'); DROP TABLE cases;--",
        "\u{1b}[31m红色\u{1b}[0m\ttab\r\nnew line",
        "\u{202e}رسالة مقلوبة\u{202c} and \u{200f}RTL",
        "🏠👍🏻 业主 e\u{301} 😀",
        long.as_str(),
        "=HYPERLINK(\"http://x\",\"点我\")",
    ] {
        let id = env.add(&[
            "--community",
            text,
            "--summary",
            text,
            "--complainant",
            text,
        ]);
        let v = env
            .ledger(&["show", &id, "--format", "json", "--show-pii"])
            .ok()
            .json();
        assert_eq!(v["case"]["summary"], text);
        assert_eq!(v["case"]["community"], text);
        assert_eq!(v["case"]["complainant"], text);
        // Tables never pass control characters to the terminal.
        let table = env.ledger(&["show", &id]).ok().stdout;
        assert!(!table.contains('\u{1b}'), "raw escape in a table");
    }
    env.check();
    // And through the exchange, byte for byte.
    env.send_to_new_district("d.db");
    assert_eq!(
        env.ledger(&["list", "--format", "json", "--show-pii"])
            .ok()
            .stdout,
        env.ledger(&["--db", "d.db", "list", "--format", "json", "--show-pii"])
            .ok()
            .stdout
    );
}

#[test]
fn csv_for_people_neutralises_formulas_but_the_exchange_stays_exact() {
    let env = TestEnv::init();
    // (Leading tabs and returns are trimmed from a summary on the way in;
    // render.rs's unit test covers them.)
    for s in ["=1+1", "+86 138", "-cmd|' /C calc'!A0", "@SUM(A1)", "-3"] {
        env.add(&["--community", "小区", &format!("--summary={s}")]);
    }
    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    for cell in ["'=1+1", "'+86 138", "'-cmd|' /C calc'!A0", "'@SUM(A1)"] {
        assert!(csv.contains(cell), "{cell:?} not neutralised in:\n{csv}");
    }
    assert!(
        csv.contains(",-3,"),
        "a plain number stays a number:\n{csv}"
    );
    let export = env.ledger(&["export"]).ok().stdout;
    assert!(export.contains("=1+1") && !export.contains("'=1+1"));
    let report = env
        .ledger(&["report", "--by", "community", "--format", "csv"])
        .ok()
        .stdout;
    assert!(report.starts_with('\u{feff}'));
}

// --- Files: permissions, a full disk, and files that are not ledgers.

#[cfg(unix)]
#[test]
fn files_with_personal_data_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::init();
    env.new_case();
    env.ledger(&["export", "--out", "x.csv"]).ok();
    env.ledger(&["backup", "--to", "copy.db"]).ok();
    for f in ["ledger.db", "x.csv", "copy.db"] {
        let mode = std::fs::metadata(env.dir().join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{f} is {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_one_sentence_and_leaves_the_file_unchanged() {
    let env = district_and_export("2000");
    let before = Snapshot::of(&env.db());
    // 200 blocks of 512 bytes: far less than the merge needs.
    let cmd = format!("ulimit -f 200; exec {} merge S01.csv", crate::common::bin());
    let out = std::process::Command::new("/bin/bash")
        .arg("-c")
        .arg(&cmd)
        .current_dir(env.dir())
        .env_clear()
        .env("LEDGER_NOW", crate::common::NOW)
        .env("LEDGER_USER", "test")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("S01.csv"), "{stderr}");
    before.assert_unchanged();
    env.check();
}

#[cfg(unix)]
#[test]
fn a_read_only_ledger_is_one_sentence_and_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    // Root writes through file permissions; there is nothing to observe.
    if unsafe { libc::geteuid() } == 0 {
        return;
    }
    let env = TestEnv::init();
    env.new_case();
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o400)).unwrap();
    env.refuses(
        &["add", "--community", "小区", "--summary", "x"],
        "read-only",
    );
    env.ledger(&["list"]).ok();
}

#[test]
fn missing_folders_and_non_ledgers_are_one_sentence() {
    let env = TestEnv::new();
    env.ledger(&[
        "--lang",
        "en",
        "--db",
        "no/such/dir/x.db",
        "init",
        "--office",
        "S01",
        "--name",
        "甲",
    ])
    .refused()
    .one_line_error()
    .err_has("does not exist");
    env.ledger(&["--lang", "en", "--db", "no/such/dir/x.db", "list"])
        .refused()
        .one_line_error()
        .err_has("ledger init");
    std::fs::write(env.dir().join("notes.txt"), "这不是数据库").unwrap();
    env.ledger(&["--lang", "en", "--db", "notes.txt", "list"])
        .refused()
        .one_line_error()
        .err_has("not a ledger");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_in_one_line() {
    let env = TestEnv::new();
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 13) as u8).collect();
    std::fs::write(env.db(), &garbage).unwrap();
    for a in [
        vec!["list"],
        vec!["check"],
        vec!["add", "--community", "c", "--summary", "s"],
        vec!["rebuild"],
    ] {
        let before = env.snapshot();
        env.run()
            .var("LEDGER_LANG", "en")
            .ledger(&a)
            .refused()
            .one_line_error()
            .err_has("is not a ledger file: it is not an SQLite database");
        before.assert_unchanged();
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), garbage);
}

#[test]
fn other_sqlite_files_empty_files_and_folders_are_refused() {
    let env = TestEnv::new();
    {
        let c = rusqlite::Connection::open(env.db()).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    env.refuses(
        &["list"],
        "is not a ledger file: it is an SQLite file without a ledger schema",
    );
    // An empty file is no ledger either, and stays empty.
    std::fs::write(env.db(), b"").unwrap();
    env.refuses(&["list"], "is not a ledger file");
    assert_eq!(std::fs::metadata(env.db()).unwrap().len(), 0);
    // A folder.
    std::fs::create_dir(env.dir().join("folder.db")).unwrap();
    env.ledger(&["--db", "folder.db", "list"])
        .refused()
        .one_line_error()
        .err_has("不是台账文件：它是文件夹");
}

#[test]
fn a_newer_schema_is_refused_with_what_to_do() {
    let env = TestEnv::init();
    env.new_case();
    env.sqlite()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    for a in [
        vec!["list"],
        vec!["check"],
        vec!["note", "S07-2026-0001", "x"],
    ] {
        env.refuses(
            &a,
            "has schema version 99, newer than this ledger understands",
        );
    }
    let r = env.ledger(&["--lang", "en", "list"]);
    assert!(r.stderr.contains("use a newer `ledger`"), "{}", r.stderr);
}

// --- check and rebuild.

fn two_cases() -> (TestEnv, String, String) {
    let env = TestEnv::init();
    let a = env.add(&add_args("幸福里小区", "停水", &["--problem", "WY-06"]));
    env.ledger(&["assign", &a, "--unit", "JD"]).ok();
    let b = env.add(&add_args("阳光花园", "电梯停运", &[]));
    env.ledger(&["note", &b, "已联系维保单位"]).ok();
    env.check();
    (env, a, b)
}

#[test]
fn check_counts_events_and_cases() {
    let (env, _, _) = two_cases();
    let out = env.ledger(&["check"]).ok().stdout;
    // office.init, add, assign, add, note.
    assert!(out.starts_with("ok: 5 events, 2 cases"), "{out}");
}

#[test]
fn check_detects_a_tampered_case_row_and_rebuild_repairs_it() {
    let (env, a, _) = two_cases();
    let n = env
        .sqlite()
        .execute("UPDATE cases SET summary = 'x' WHERE id = ?1", [&a])
        .unwrap();
    assert_eq!(n, 1);
    env.ledger(&["--lang", "en", "check"])
        .refused()
        .one_line_error()
        .err_has(&format!("case {a}: the table has summary: \"x\""));
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(env.case(&a)["summary"], "停水");
}

#[test]
fn check_detects_missing_and_extra_case_rows() {
    let (env, a, b) = two_cases();
    env.sqlite()
        .execute("DELETE FROM cases WHERE id = ?1", [&b])
        .unwrap();
    env.ledger(&["--lang", "en", "check"])
        .refused()
        .err_has(&format!("case {b} is in the log but not in the table"));
    env.ledger(&["rebuild"]).ok();
    env.check();
    env.sqlite()
        .execute(
            // The columns named: later versions add columns (issue 15).
            "INSERT INTO cases (id, office, year, seq, status, received_at, source, source_ref, \
             community, address, summary, details, complainant, phone, subject, problem, party, \
             key_case, unit, assigned_at, due, plan, defer_until, closed_at, result, resolution, \
             duplicate_of, updated_at, notes, problem_suggested, conflict, closed_by, links) \
             SELECT 'S07-2026-0009', office, year, 9, status, received_at, source, \
             NULL, community, address, summary, details, complainant, phone, subject, problem, party, \
             key_case, unit, assigned_at, due, plan, defer_until, closed_at, result, resolution, \
             duplicate_of, updated_at, notes, problem_suggested, conflict, closed_by, links FROM cases \
             WHERE id = ?1",
            [&a],
        )
        .unwrap();
    env.ledger(&["--lang", "en", "check"])
        .refused()
        .err_has("case S07-2026-0009 is in the table but not in the log");
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(env.list_ids(&[]), [a, b]);
}

#[test]
fn check_detects_an_altered_event() {
    for (column, sql) in [
        (
            "payload",
            "UPDATE events SET payload = replace(payload, '停水', '停电') WHERE kind = 'case.add' AND payload LIKE '%停水%'",
        ),
        (
            "actor",
            "UPDATE events SET actor = 'mallory' WHERE kind = 'case.assign'",
        ),
        (
            "at",
            "UPDATE events SET at = '2026-01-01T00:00:00+08:00' WHERE kind = 'case.assign'",
        ),
    ] {
        let (env, _, _) = two_cases();
        let n = env.sqlite().execute(sql, []).unwrap();
        assert_eq!(n, 1, "{column}");
        let r = env.ledger(&["--lang", "en", "check"]).refused();
        r.one_line_error();
        assert!(
            r.stderr
                .contains("does not match its hash: it was altered after it was written"),
            "{column}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("event S07/"),
            "{column}: names the event: {}",
            r.stderr
        );
    }
}

#[test]
fn every_writing_command_leaves_the_file_checkable_and_rebuildable() {
    // A day of work touching every command that writes.
    let (env, a, b) = two_cases();
    env.ledger(&["unit", "add", "SQ01", "幸福里社区居委会"])
        .ok();
    env.ledger(&["assign", &b, "--unit", "SQ01", "--problem", "WY-02"])
        .ok();
    env.ledger(&[
        "defer",
        &b,
        "--plan",
        "待业主大会表决",
        "--until",
        "2027-03-31",
    ])
    .ok();
    env.ledger(&[
        "close",
        &a,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    env.ledger(&["reopen", &a, "--reason", "再次停水"]).ok();
    env.ledger(&["reopen", &b, "--reason", "计划有变"]).ok();
    let c = env.add(&add_args("幸福里小区", "又停水", &["--problem", "WY-06"]));
    env.ledger(&[
        "close",
        &c,
        "--result",
        "duplicate",
        "--duplicate-of",
        &a,
        "--resolution",
        "同一事项",
    ])
    .ok();
    env.check();
    let before = env.ledger(&["list", "--format", "json"]).ok().stdout;
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(
        env.ledger(&["list", "--format", "json"]).ok().stdout,
        before
    );
}
