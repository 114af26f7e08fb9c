//! Export and merge keep the six promises of PRODUCT.md §7 (issue 3).
//!
//! The district file is the env's `ledger.db` (so `refuses` proves it was
//! left byte for byte as it was); offices live beside it as `S0n.db`.

use crate::common::forge::{Forger, event};
use crate::common::{Snapshot, TestEnv};
use ledger::ledger::EventRecord;

/// A district file plus offices S01 and S02 made by the demo generator.
fn district_with_demo_offices() -> TestEnv {
    let env = TestEnv::new();
    env.ledger(&["demo", "--dir", ".", "--offices", "2", "--cases", "40"])
        .ok();
    env.init_district();
    env.introduce("ledger.db", &["S01.db", "S02.db"]);
    for o in ["S01", "S02"] {
        env.ledger(&[
            "--db",
            &format!("{o}.db"),
            "export",
            "--out",
            &format!("{o}.csv"),
        ])
        .ok();
    }
    env
}

/// A district file and office S01 with one hand-made case, exported.
fn district_and_one_case() -> TestEnv {
    let env = TestEnv::district();
    let office = ["--db", "S01.db"];
    env.ledger(
        &[
            &office[..],
            &["init", "--office", "S01", "--name", "建设路街道"],
        ]
        .concat(),
    )
    .ok();
    let id = env
        .ledger(
            &[
                &office[..],
                &[
                    "add",
                    "--community",
                    "幸福里小区",
                    "--summary",
                    "物业停水, 业主称\"三天没水\"\n请尽快处理",
                    "--received",
                    "2026-01-05 09:00",
                    "--phone",
                    "13812345678",
                    "--complainant",
                    "张三",
                ],
            ]
            .concat(),
        )
        .ok()
        .stdout;
    assert_eq!(id.trim(), "S01-2026-0001");
    env.introduce("ledger.db", &["S01.db"]);
    env.ledger(&[&office[..], &["export", "--out", "S01.csv"]].concat())
        .ok();
    env
}

// --- Nothing lost, nothing twice, in any order.

#[test]
fn merged_office_export_reproduces_list_and_report() {
    let env = district_with_demo_offices();
    env.ledger(&["merge", "S01.csv"]).ok();
    let office = env
        .ledger(&["--db", "S01.db", "list", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    let district = env
        .ledger(&["list", "--office", "S01", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    assert!(office.len() > 1000);
    assert_eq!(office, district);
    let office = env
        .ledger(&[
            "--db", "S01.db", "report", "--by", "problem", "--format", "json",
        ])
        .ok()
        .stdout;
    let district = env
        .ledger(&["report", "--by", "problem", "--format", "json"])
        .ok()
        .stdout;
    assert_eq!(office, district);
    env.check();
}

#[test]
fn merging_the_same_file_again_changes_nothing() {
    let env = district_with_demo_offices();
    let first = env
        .ledger(&["merge", "S01.csv", "--format", "json"])
        .ok()
        .json();
    assert!(first[0]["new_events"].as_u64().unwrap() > 40);
    assert_eq!(first[0]["cases_changed"], 40);
    let list = env.ledger(&["list", "--format", "json"]).ok().stdout;
    let export = env.ledger(&["export"]).ok().stdout;
    let again = env
        .ledger(&["merge", "S01.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(again[0]["new_events"], 0);
    assert_eq!(again[0]["cases_changed"], 0);
    assert_eq!(
        again[0]["known_events"], first[0]["new_events"],
        "every event is known the second time"
    );
    assert_eq!(again[0]["refused"], false);
    assert_eq!(env.ledger(&["list", "--format", "json"]).ok().stdout, list);
    assert_eq!(env.ledger(&["export"]).ok().stdout, export);
}

#[test]
fn merge_order_does_not_matter() {
    let env = district_with_demo_offices();
    env.ledger(&[
        "--db",
        "D2.db",
        "init",
        "--office",
        "D",
        "--name",
        "示范区",
        "--district",
    ])
    .ok();
    env.trust("D2.db", "S01.db");
    env.trust("D2.db", "S02.db");
    env.ledger(&["merge", "S01.csv", "S02.csv"]).ok();
    env.ledger(&["--db", "D2.db", "merge", "S02.csv"]).ok();
    env.ledger(&["--db", "D2.db", "merge", "S01.csv"]).ok();
    let a = env.ledger(&["list", "--format", "json"]).ok().stdout;
    let b = env
        .ledger(&["--db", "D2.db", "list", "--format", "json"])
        .ok()
        .stdout;
    assert_eq!(a, b);
    // The same log in the same order, but for each district's own key
    // registrations (each has its own key, and the begin and end rows
    // name it).
    let log = |db: &str| -> Vec<EventRecord> {
        crate::common::forge::events_of(&env.ledger(&["--db", db, "export"]).ok().stdout)
            .into_iter()
            .filter(|e| !(e.origin == "D" && e.kind == "key.trust"))
            .collect()
    };
    assert_eq!(
        log("ledger.db"),
        log("D2.db"),
        "the two district files hold the same log in the same order"
    );
}

#[test]
fn a_case_split_over_two_runs_of_a_file_still_merges_right() {
    let env = district_and_one_case();
    let mut note = event(
        "S09",
        4,
        "case.note",
        Some("S09-2026-0001"),
        r#"{"text":"跟进"}"#,
    );
    note.clock = 4;
    note.hash = note.compute_hash();
    let text = forged(
        &env,
        "S09",
        false,
        &[
            event("S09", 1, "office.init", None, r#"{"name":"九号街道"}"#),
            event("S09", 2, "case.add", Some("S09-2026-0001"), ADD),
            event("S09", 3, "case.add", Some("S09-2026-0002"), ADD),
            note,
        ],
    );
    env.write("split.csv", &text);
    let r = env
        .ledger(&["merge", "split.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 4);
    assert_eq!(env.case("S09-2026-0001")["notes"], 1);
    env.check();
}

#[test]
fn export_since_a_clock_carries_only_newer_events_and_merges() {
    let env = district_and_one_case();
    env.ledger(&["merge", "S01.csv"]).ok();
    let first = env.read("S01.csv");
    let end = first.lines().last().unwrap().to_string();
    let clock: i64 = end.split(',').nth(3).unwrap().parse().unwrap();
    env.ledger(&["--db", "S01.db", "note", "S01-2026-0001", "夜间加一条"])
        .ok();
    env.ledger(&[
        "--db",
        "S01.db",
        "export",
        "--since",
        &clock.to_string(),
        "--out",
        "new.csv",
    ])
    .ok();
    let text = env.read("new.csv");
    assert_eq!(
        text.lines().count(),
        4,
        "header, begin row, the one new event, the end row:\n{text}"
    );
    let r = env
        .ledger(&["merge", "new.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 1);
    assert_eq!(env.case("S01-2026-0001")["notes"], 1);
    env.check();
}

#[test]
fn district_export_brings_notes_and_reassignments_back_to_the_office() {
    let env = district_and_one_case();
    env.ledger(&["merge", "S01.csv"]).ok();
    env.ledger(&["note", "S01-2026-0001", "区物业办督办"]).ok();
    env.ledger(&["assign", "S01-2026-0001", "--unit", "ZJ", "--days", "5"])
        .ok();
    env.ledger(&["export", "--out", "D.csv"]).ok();
    let r = env
        .ledger(&["--db", "S01.db", "merge", "D.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        r[0]["new_events"], 4,
        "the district's init, its registration of S01's key, note and assign"
    );
    let case = env
        .ledger(&[
            "--db",
            "S01.db",
            "show",
            "S01-2026-0001",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(case["case"]["unit"], "ZJ");
    assert_eq!(case["case"]["status"], "assigned");
    assert_eq!(case["case"]["notes"], 1);
    env.ledger(&["--db", "S01.db", "check"]).ok();
    // And the office's next export, merged at the district, is all known.
    env.ledger(&["--db", "S01.db", "export", "--out", "S01b.csv"])
        .ok();
    let r = env
        .ledger(&["merge", "S01b.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 0);
}

#[test]
fn an_office_that_lost_its_file_restores_it_from_the_district() {
    let env = district_and_one_case();
    env.ledger(&["merge", "S01.csv"]).ok();
    env.ledger(&["note", "S01-2026-0001", "区物业办督办"]).ok();
    env.ledger(&["export", "--out", "D.csv"]).ok();
    let key_line = env.ledger(&["key"]).ok().stdout;
    let district_key = key_line.split_whitespace().nth(1).unwrap().to_string();
    let before = env
        .ledger(&["--db", "S01.db", "list", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    // The office's disk dies; days later it restores from the district.
    std::fs::remove_file(env.dir().join("S01.db")).unwrap();
    env.at("2026-12-01T09:00:00+08:00")
        .ledger(&[
            "--db",
            "S01.db",
            "init",
            "--office",
            "S01",
            "--restore",
            "D.csv",
            "--trust",
            &district_key,
        ])
        .ok()
        .err_has("建设路街道")
        .err_has("--replace");
    // The new file has a new key: the district registers it (issue 10).
    env.trust("ledger.db", "S01.db");
    let after = env
        .ledger(&["--db", "S01.db", "list", "--format", "json", "--show-pii"])
        .ok()
        .json();
    let before: serde_json::Value = serde_json::from_str(&before).unwrap();
    assert_eq!(after[0]["summary"], before[0]["summary"]);
    assert_eq!(after[0]["notes"], 1, "the district's note came back too");
    env.ledger(&["--db", "S01.db", "check"]).ok();
    // Work goes on where it stopped, and the district takes it.
    let id = env
        .at("2026-12-01T09:30:00+08:00")
        .ledger(&[
            "--db",
            "S01.db",
            "add",
            "--community",
            "阳光花园",
            "--summary",
            "电梯停运",
        ])
        .ok()
        .stdout;
    assert_eq!(id.trim(), "S01-2026-0002");
    env.ledger(&["--db", "S01.db", "export", "--out", "S01b.csv"])
        .ok();
    let r = env
        .ledger(&["merge", "S01b.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 1);
    env.check();
    // A file that holds nothing of the office restores nothing.
    env.ledger(&[
        "--lang",
        "en",
        "--db",
        "S09.db",
        "init",
        "--office",
        "S09",
        "--restore",
        "D.csv",
        "--trust",
        &district_key,
    ])
    .refused()
    .err_has("nothing to restore");
    assert!(!env.dir().join("S09.db").exists());
}

// --- A damaged or foreign file is refused whole.

#[test]
fn a_refused_file_is_not_merged_at_all_and_the_others_are() {
    let env = district_with_demo_offices();
    // Alter the last event of S02: everything before it is fine, so a
    // partial merge would be visible.
    let text = env.read("S02.csv");
    let lines: Vec<&str> = text.lines().collect();
    let victim = lines[lines.len() - 2];
    let altered = victim.replacen("\"{\"\"", "\"{\"\"x\"\":1,\"\"", 1);
    assert_ne!(altered, victim);
    let text = text.replace(victim, &altered);
    env.write("S02.csv", &text);
    let r = env.ledger(&["merge", "S02.csv", "S01.csv", "--format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    let out = r.json();
    assert!(out[0]["refused"].as_str().unwrap().contains("S02.csv"));
    assert_eq!(out[0]["new_events"], 0);
    assert_eq!(out[1]["refused"], false);
    assert_eq!(
        env.list_ids(&["--office", "S02"]).len(),
        0,
        "nothing of S02 got in"
    );
    assert_eq!(env.list_ids(&["--office", "S01"]).len(), 40);
    env.check();
}

#[test]
fn refused_file_leaves_the_ledger_byte_identical() {
    let env = district_and_one_case();
    let text = env.read("S01.csv").replace("物业停水", "物业停电");
    env.write("S01.csv", &text);
    let r = env.refuses(&["merge", "S01.csv"], "S01.csv");
    r.err_has("line 5").err_has("S01/2").err_has("hash");
    assert!(env.list_ids(&[]).is_empty());
}

#[test]
fn spreadsheet_rewritten_date_is_refused_naming_line_and_event() {
    let env = district_and_one_case();
    let text = env.read("S01.csv");
    // Excel shows the time column as a date and writes it back its own way.
    let text = text.replacen(
        ",2026-11-26T10:00:00+08:00,test,case.add",
        ",2026/11/26 10:00,test,case.add",
        1,
    );
    assert!(text.contains("2026/11/26 10:00"));
    env.write("S01.csv", &text);
    env.refuses(&["merge", "S01.csv"], "S01.csv, line 5")
        .err_has("S01/2")
        .err_has("case.add on S01-2026-0001");
}

#[test]
fn spreadsheet_mangled_phone_number_is_refused() {
    let env = district_and_one_case();
    let text = env.read("S01.csv").replace("13812345678", "1.38E+10");
    env.write("S01.csv", &text);
    env.refuses(&["merge", "S01.csv"], "does not match its hash")
        .err_has("S01/2");
}

#[test]
fn a_file_rewriting_history_already_held_is_refused() {
    let env = district_and_one_case();
    env.ledger(&["merge", "S01.csv"]).ok();
    // Another file that also calls itself S01 and made different events.
    let other = ["--db", "other/S01.db"];
    std::fs::create_dir(env.dir().join("other")).unwrap();
    env.ledger(
        &[
            &other[..],
            &["init", "--office", "S01", "--name", "建设路街道"],
        ]
        .concat(),
    )
    .ok();
    env.ledger(
        &[
            &other[..],
            &["add", "--community", "阳光花园", "--summary", "另一件事"],
        ]
        .concat(),
    )
    .ok();
    env.ledger(&[&other[..], &["export", "--out", "other.csv"]].concat())
        .ok();
    // Its key is not the one registered for S01 (issue 10).
    env.refuses(
        &["merge", "other.csv"],
        "not with the key registered here for S01",
    );
    // Signed with S01's own key (the clerk holds the file), other content
    // for S01/3 is still refused.
    let mut events = crate::common::forge::events_of(&env.read("S01.csv"));
    let last = events.pop().unwrap();
    events.push(crate::common::forge::rehash(last, |e| {
        e.payload = e.payload.replace("幸福里小区", "阳光花园")
    }));
    let text = Forger::holding(&env.dir().join("S01.db"), "建设路街道").file(&events);
    env.write("edited.csv", &text);
    env.refuses(
        &["merge", "edited.csv"],
        "already held here with different content",
    )
    .err_has("S01/2");
}

// Regression: issue 13, cut files were reported as "altered" or "not
// UTF-8" at 3 of 10 cut points instead of "cut short".
#[test]
fn a_truncated_file_is_refused_as_cut_short_wherever_it_was_cut() {
    let env = district_and_one_case();
    let text = env.read("S01.csv");
    let bytes = text.as_bytes();
    // Ten cut points after the header, some inside a Chinese character.
    let header = text.find('\n').unwrap() + 1;
    for k in 1..=10 {
        let at = header + (bytes.len() - 1 - header) * k / 10;
        env.write("cut.csv", &bytes[..at]);
        env.refuses(
            &["merge", "cut.csv"],
            "cut.csv: the file ends without its end row: it was cut short",
        );
    }
    // Cut exactly at a row boundary: only the end row is missing.
    let end = text.rfind("ledger/2,S01,").unwrap();
    env.write("cut2.csv", &text[..end]);
    env.refuses(&["merge", "cut2.csv"], "cut short");
}

#[test]
fn a_file_that_is_not_an_exchange_file_is_refused_with_what_was_expected() {
    let env = district_and_one_case();
    env.write("list.csv", "id,status\nS01-2026-0001,open\n");
    env.refuses(
        &["merge", "list.csv"],
        "format,origin,seq,clock,at,actor,kind,case_id,payload,hash",
    );
    let newer = env.read("S01.csv").replace("ledger/2,", "ledger/3,");
    env.write("newer.csv", &newer);
    env.refuses(
        &["merge", "newer.csv"],
        "newer than this ledger reads (ledger/2)",
    );
    std::fs::write(env.dir().join("gbk.csv"), b"\xff\xfe\x00garbage").unwrap();
    env.refuses(&["merge", "gbk.csv"], "gbk.csv");
    env.refuses(&["merge", "missing.csv"], "missing.csv");
}

#[test]
fn two_offices_with_one_code_are_told_so() {
    let env = district_and_one_case();
    env.ledger(&["merge", "S01.csv"]).ok();
    std::fs::create_dir(env.dir().join("b")).unwrap();
    env.at("2026-11-27T09:00:00+08:00")
        .ledger(&[
            "--db",
            "b/S01.db",
            "init",
            "--office",
            "S01",
            "--name",
            "解放路街道",
        ])
        .ok();
    env.ledger(&["--db", "b/S01.db", "export", "--out", "b.csv"])
        .ok();
    // Even with its key registered (by mistake), its history is not S01's.
    env.trust("ledger.db", "b/S01.db");
    env.refuses(&["merge", "b.csv"], "every office needs its own code")
        .err_has("建设路街道")
        .err_has("解放路街道");
}

// --- The file itself.

#[test]
fn exchange_file_is_readable_and_round_trips_awkward_text() {
    let env = district_and_one_case();
    let bytes = std::fs::read(env.dir().join("S01.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}format,origin,".as_bytes()),
        "UTF-8 BOM and header"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("建设路街道"),
        "Chinese is written as is, not escaped"
    );
    env.ledger(&["merge", "S01.csv"]).ok();
    let summary = env.case("S01-2026-0001")["summary"].clone();
    assert_eq!(summary, "物业停水, 业主称\"三天没水\"\n请尽快处理");
    let full = env
        .ledger(&["show", "S01-2026-0001", "--format", "json", "--show-pii"])
        .ok()
        .json();
    assert_eq!(
        full["case"]["phone"], "13812345678",
        "the exchange carries PII in full"
    );
}

#[test]
fn export_is_byte_stable_and_atomic() {
    let env = district_and_one_case();
    let a = env.ledger(&["--db", "S01.db", "export"]).ok().stdout;
    let b = env.ledger(&["--db", "S01.db", "export"]).ok().stdout;
    assert_eq!(a, b);
    assert_eq!(env.read("S01.csv"), a, "--out writes what stdout shows");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.dir().join("S01.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the export is readable by its owner only");
    }
    let r = env.ledger(&[
        "--lang",
        "en",
        "--db",
        "S01.db",
        "export",
        "--out",
        "no/such/dir/x.csv",
    ]);
    assert_eq!(r.code, 1);
    r.err_has("does not exist");
}

#[test]
fn merge_dry_run_counts_but_writes_nothing() {
    let env = district_and_one_case();
    let before = Snapshot::of(&env.db());
    let r = env
        .ledger(&["merge", "--dry-run", "S01.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 3, "init, key registration, case");
    assert_eq!(r[0]["cases_changed"], 1);
    before.assert_unchanged();
}

// --- Who may write what.

/// A forged file from `exporter`, signed with a key the district (the
/// env's ledger.db) has registered for it: the rules after the seal.
fn forged(env: &TestEnv, exporter: &str, district: bool, events: &[EventRecord]) -> String {
    let f = Forger::new(exporter, district, [9; 32]);
    env.trust_key("ledger.db", exporter, &f.key());
    f.file(events)
}

const ADD: &str = r#"{"received_at":"2026-11-20T09:00:00+08:00","source":"other","community":"幸福里小区","summary":"停水"}"#;

#[test]
fn an_office_cannot_write_on_another_offices_cases() {
    let env = district_and_one_case();
    let text = forged(
        &env,
        "S02",
        false,
        &[
            event("S02", 1, "office.init", None, r#"{"name":"解放路街道"}"#),
            event("S02", 2, "case.add", Some("S01-2026-0009"), ADD),
        ],
    );
    env.write("forged.csv", &text);
    env.refuses(
        &["merge", "forged.csv"],
        "an office writes only on its own cases",
    );
}

#[test]
fn an_office_file_cannot_relay_other_offices_events() {
    let env = district_and_one_case();
    let text = forged(
        &env,
        "S02",
        false,
        &[
            event("S03", 1, "office.init", None, r#"{"name":"人民路街道"}"#),
            event("S03", 2, "case.add", Some("S03-2026-0001"), ADD),
        ],
    );
    env.write("relay.csv", &text);
    env.refuses(
        &["merge", "relay.csv"],
        "a street office's file brings new events of that office only",
    );
}
