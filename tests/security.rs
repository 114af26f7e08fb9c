//! A district ledger that no file can forge, poison or block (issue 10),
//! and personal data that no output shows unasked (issue 2).
//!
//! Each attack of the issue is reproduced with the forger's kit
//! (`common::forge`): hashes, digest and signature recomputed, signed with
//! a key nobody registered or with the office's own key (the clerk who
//! holds the file). Each is refused whole, with file and line, and the
//! ledger still works and still takes the office's honest files after it.

use crate::common::forge::{Forger, event, events_of, insert_raw, rehash};
use crate::common::{TestEnv, add_args};
use ledger::ledger::EventRecord;

/// District `ledger.db` (D) and office `S01.db` with one case, keys
/// registered both ways, the office's export merged at the district.
fn district_and_office() -> TestEnv {
    let env = TestEnv::district();
    env.ledger(&[
        "--db",
        "S01.db",
        "init",
        "--office",
        "S01",
        "--name",
        "建设路街道",
    ])
    .ok();
    env.introduce("ledger.db", &["S01.db"]);
    env.ledger(&[
        "--db",
        "S01.db",
        "add",
        "--community",
        "幸福里小区",
        "--summary",
        "物业停水",
        "--received",
        "2026-11-20 09:00",
    ])
    .ok();
    env.ledger(&["--db", "S01.db", "export", "--out", "S01.csv"])
        .ok();
    env.ledger(&["merge", "S01.csv"]).ok();
    env
}

/// The office's own events plus `extra`, signed with the office's key.
fn office_file_with(env: &TestEnv, extra: Vec<EventRecord>) -> String {
    let text = std::fs::read_to_string(env.dir().join("S01.csv")).unwrap();
    let mut events = events_of(&text);
    events.extend(extra);
    Forger::holding(&env.dir().join("S01.db"), "建设路街道").file(&events)
}

/// After a refused file the district still works, and the office's next
/// honest export still merges.
fn still_works(env: &TestEnv) {
    env.ledger(&["note", "S01-2026-0001", "区物业办已督办"])
        .ok();
    env.ledger(&["--db", "S01.db", "note", "S01-2026-0001", "已回访"])
        .ok();
    env.ledger(&["--db", "S01.db", "export", "--out", "S01b.csv"])
        .ok();
    env.ledger(&["merge", "S01b.csv"]).ok();
    env.check();
    assert_eq!(env.case("S01-2026-0001")["notes"], 2);
}

// --- Who wrote the file.

// Regression: issue 10, a file keyed by nothing was taken from anyone.
#[test]
fn a_file_from_an_unregistered_key_is_refused_naming_the_command_to_run() {
    let env = district_and_office();
    env.ledger(&[
        "--db",
        "S02.db",
        "init",
        "--office",
        "S02",
        "--name",
        "解放路街道",
    ])
    .ok();
    env.ledger(&["--db", "S02.db", "export", "--out", "S02.csv"])
        .ok();
    env.refuses(&["merge", "S02.csv"], "S02.csv, line 2")
        .err_has("ledger trust S02 KEY");
    // A file claiming to be S01's, signed by another key.
    let forged = Forger::new("S01", false, [3; 32]).file(&[]);
    env.write("forged.csv", &forged);
    env.refuses(
        &["merge", "forged.csv"],
        "not with the key registered here for S01",
    );
    still_works(&env);
}

/// The seal covers who the file says wrote it: a renamed exporter (or role,
/// or count) in an otherwise genuine file fails at its end row, after its
/// events were read, and nothing of it is written (PRODUCT.md §7, atomic).
// Regression: issue 10, the end row's name was not covered by the digest.
#[test]
fn a_genuine_file_with_its_writers_name_changed_is_refused_whole() {
    let env = district_and_office();
    env.ledger(&["--db", "S01.db", "note", "S01-2026-0001", "已回访"])
        .ok();
    env.ledger(&["--db", "S01.db", "export", "--out", "S01e.csv"])
        .ok();
    let text = std::fs::read_to_string(env.dir().join("S01e.csv"))
        .unwrap()
        .replacen("建设路街道", "伪造街道", 1);
    env.write("renamed.csv", &text);
    env.refuses(&["merge", "renamed.csv"], "the signature does not verify");
    assert_eq!(env.case("S01-2026-0001")["notes"], 0);
}

// --- Writing in the district's name.

// Regression: issue 10, an office's file carried events of origin D.
#[test]
fn an_office_file_cannot_write_in_the_districts_name() {
    let env = district_and_office();
    // A close of S01's case in D's name, in S01's own signed file.
    let close = event(
        "D",
        9,
        "case.close",
        Some("S01-2026-0001"),
        r#"{"result":"resolved","resolution":"伪造"}"#,
    );
    env.write("a.csv", office_file_with(&env, vec![close]));
    env.refuses(
        &["merge", "a.csv"],
        "a street office's file brings new events of that office only",
    )
    .err_has("D/9");
    // An office.init minting a new "district".
    let mint = event(
        "ZZ",
        1,
        "office.init",
        None,
        r#"{"name":"伪区","district":true}"#,
    );
    env.write("b.csv", office_file_with(&env, vec![mint]));
    env.refuses(&["merge", "b.csv"], "ZZ/1");
    // S01 itself claiming to be a district.
    let mut f = Forger::holding(&env.dir().join("S01.db"), "建设路街道");
    f.district = true;
    env.write("c.csv", f.file(&[]));
    env.refuses(
        &["merge", "c.csv"],
        "a street office takes its district's files",
    );
    still_works(&env);
}

// Regression: issue 10, a D event edited into the office's file.
#[test]
fn a_clerk_editing_the_office_file_with_sqlite_cannot_speak_for_the_district() {
    let env = district_and_office();
    let e = event(
        "D",
        7,
        "case.close",
        Some("S01-2026-0001"),
        r#"{"result":"resolved","resolution":"区里说办完了"}"#,
    );
    insert_raw(&env.dir().join("S01.db"), &e);
    env.ledger(&["--db", "S01.db", "export", "--out", "edited.csv"])
        .ok();
    env.refuses(&["merge", "edited.csv"], "edited.csv, line")
        .err_has("D/7");
    assert_eq!(env.status("S01-2026-0001"), "open");
}

// --- Poison and squatting.

// Regression: issue 10, a clock of 2^63 - 1 stopped every later write.
#[test]
fn a_poisoned_clock_is_refused_and_the_district_keeps_working() {
    let env = district_and_office();
    let mut e = event(
        "S01",
        4,
        "case.note",
        Some("S01-2026-0001"),
        r#"{"text":"x"}"#,
    );
    e = rehash(e, |e| e.clock = i64::MAX);
    env.write("poison.csv", office_file_with(&env, vec![e]));
    env.refuses(&["merge", "poison.csv"], "poison.csv, line")
        .err_has("clock");
    still_works(&env);
}

// Regression: issue 10, forged S01 numbers blocked S01's genuine files.
#[test]
fn squatting_on_an_offices_sequence_numbers_does_not_block_it() {
    let env = district_and_office();
    let squat: Vec<_> = (144..=148)
        .map(|n| {
            event(
                "S01",
                n,
                "case.note",
                Some("S01-2026-0001"),
                r#"{"text":"占位"}"#,
            )
        })
        .collect();
    env.write("squat.csv", Forger::new("S01", false, [5; 32]).file(&squat));
    env.refuses(
        &["merge", "squat.csv"],
        "not with the key registered here for S01",
    );
    // The same against the office, with a forged D/2.
    let d2 = event(
        "D",
        2,
        "case.note",
        Some("S01-2026-0001"),
        r#"{"text":"占位"}"#,
    );
    env.write("d2.csv", Forger::new("D", true, [6; 32]).file(&[d2]));
    let before = crate::common::Snapshot::of(&env.dir().join("S01.db"));
    env.ledger(&["--lang", "en", "--db", "S01.db", "merge", "d2.csv"])
        .refused()
        .err_has("not with the key registered here for D");
    before.assert_unchanged();
    still_works(&env);
}

// --- The commands' rules, at the door and in `check`.

/// Events an office's file might bring that the commands would refuse: a
/// name for the file, the event, and what the refusal says.
fn events_the_commands_refuse() -> Vec<(&'static str, EventRecord, &'static str)> {
    let add = |payload: &str, id: &str| event("S01", 4, "case.add", Some(id), payload);
    vec![
        (
            "date",
            add(
                r#"{"received_at":"not a date","source":"other","community":"c","summary":"s"}"#,
                "S01-2026-0002",
            ),
            "not a time",
        ),
        (
            "empty",
            add(
                r#"{"received_at":"2026-11-20T09:00:00+08:00","source":"other","community":" ","summary":""}"#,
                "S01-2026-0002",
            ),
            "the community is empty",
        ),
        (
            "year",
            add(
                r#"{"received_at":"0000-01-01T00:00:00+08:00","source":"other","community":"c","summary":"s"}"#,
                "S01-0-0001",
            ),
            "S01-0-0001",
        ),
        (
            "lower",
            add(
                r#"{"received_at":"2026-11-20T09:00:00+08:00","source":"other","community":"c","summary":"s"}"#,
                "s01-2026-0002",
            ),
            "not written as a case id is",
        ),
        (
            "unit",
            event(
                "S01",
                4,
                "case.assign",
                Some("S01-2026-0001"),
                r#"{"unit":"NOSUCH","due":"2026-12-01"}"#,
            ),
            "unit 'NOSUCH' is not known",
        ),
        (
            "dup",
            event(
                "S01",
                4,
                "case.close",
                Some("S01-2026-0001"),
                r#"{"result":"duplicate","resolution":"重复","duplicate_of":"S01-2026-0099"}"#,
            ),
            "S01-2026-0099, which does not exist",
        ),
        (
            "builtin",
            event(
                "S01",
                4,
                "unit.add",
                None,
                r#"{"code":"ZJ","name":"假住建局"}"#,
            ),
            "built-in unit",
        ),
        (
            "uscc",
            event(
                "S01",
                4,
                "credit.record",
                None,
                r#"{"uscc":"123","item":"WY-06","date":"2026-11-20"}"#,
            ),
            "unified social credit code",
        ),
        (
            "long",
            add(
                &format!(
                    r#"{{"received_at":"2026-11-20T09:00:00+08:00","source":"other","community":"c","summary":"{}"}}"#,
                    "停".repeat(40_000)
                ),
                "S01-2026-0002",
            ),
            "summary is 40000 characters long; a text holds at most 32767",
        ),
    ]
}

// Regression: issue 10, merge took contents the commands refuse.
#[test]
fn every_incoming_event_passes_the_commands_rules() {
    let env = district_and_office();
    let cases = events_the_commands_refuse();
    for (name, e, why) in cases {
        let file = format!("{name}.csv");
        env.write(&file, office_file_with(&env, vec![e]));
        env.refuses(&["merge", &file], &format!("{file}, line"))
            .err_has(why);
    }
    still_works(&env);
}

// Regression: issue 10, `--received 0000-01-01` made an id no district takes.
#[test]
fn a_received_year_before_2000_or_of_two_digits_is_refused_at_the_command() {
    let env = TestEnv::init();
    env.refuses(
        &[
            "add",
            "--community",
            "c",
            "--summary",
            "s",
            "--received",
            "0000-01-01",
        ],
        "outside 2000..2026",
    );
    env.refuses(
        &[
            "add",
            "--community",
            "c",
            "--summary",
            "s",
            "--received",
            "26/11/3 10:00",
        ],
        "two-digit year is not guessed",
    );
}

// Regression: issue 10, an office's standard replaced the district's.
#[test]
fn an_offices_scoring_standard_does_not_replace_the_districts() {
    let env = district_and_office();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/credit-standard.csv"
    ))
    .unwrap()
    .replace("DEFAULT-2026", "OFFICE-OWN");
    env.write("own.csv", &text);
    env.ledger(&["--db", "S01.db", "credit", "standard", "load", "own.csv"])
        .ok();
    env.ledger(&["--db", "S01.db", "export", "--out", "S01c.csv"])
        .ok();
    env.ledger(&["merge", "S01c.csv"]).ok();
    let shown = env
        .ledger(&["credit", "standard", "show", "--format", "json"])
        .ok()
        .stdout;
    assert!(!shown.contains("OFFICE-OWN"), "{shown}");
    let office = env
        .ledger(&[
            "--db", "S01.db", "credit", "standard", "show", "--format", "json",
        ])
        .ok()
        .stdout;
    assert!(
        office.contains("OFFICE-OWN"),
        "an office's standard stays its own"
    );
}

// Regression: issue 10, `check` said ok over events the rules refuse.
#[test]
fn check_finds_an_event_that_todays_rules_refuse_and_says_what_to_do() {
    let env = TestEnv::init();
    let id = env.new_case();
    // What an earlier version let in: a clock near the limit of i64.
    let e = rehash(
        event("S07", 3, "case.note", Some(&id), r#"{"text":"x"}"#),
        |e| e.clock = i64::MAX - 1,
    );
    insert_raw(&env.db(), &e);
    env.ledger(&["--lang", "en", "check"])
        .refused()
        .err_has("S07/3")
        .err_has("breaks today's rules")
        .err_has("--restore");
}

// --- Nightly runs and concurrent work.

// Regression: issue 10, a gap in an office's sequence went unnoticed.
#[test]
fn a_missing_nightly_file_is_named_not_merged_over() {
    let env = district_and_office();
    let clock = |name: &str| -> String {
        let text = std::fs::read_to_string(env.dir().join(name)).unwrap();
        text.lines()
            .last()
            .unwrap()
            .split(',')
            .nth(3)
            .unwrap()
            .to_string()
    };
    env.ledger(&["--db", "S01.db", "note", "S01-2026-0001", "第一晚"])
        .ok();
    env.ledger(&[
        "--db",
        "S01.db",
        "export",
        "--since",
        &clock("S01.csv"),
        "--out",
        "n1.csv",
    ])
    .ok();
    env.ledger(&["--db", "S01.db", "note", "S01-2026-0001", "第二晚"])
        .ok();
    env.ledger(&[
        "--db",
        "S01.db",
        "export",
        "--since",
        &clock("n1.csv"),
        "--out",
        "n2.csv",
    ])
    .ok();
    env.refuses(&["merge", "n2.csv"], "a file between them is missing");
    env.ledger(&["merge", "n1.csv", "n2.csv"]).ok();
    assert_eq!(env.case("S01-2026-0001")["notes"], 2);
}

// Regression: issue 18, an empty `export --since N` said clock 0.
#[test]
fn an_empty_incremental_export_carries_the_clock_it_was_given() {
    // Issue 18 too: a script feeding the clock back must not start over.
    let env = district_and_office();
    let r = env
        .ledger(&[
            "--db", "S01.db", "export", "--since", "34", "--out", "e.csv",
        ])
        .ok();
    r.err_has("clock 34");
    env.ledger(&["merge", "e.csv"]).ok();
}

/// Issue 10, conflicts: the district re-assigns a case; the office, not
/// having seen it, closes it. After exchanging, both show the office's
/// close, the case is listed as a conflict until someone notes on it.
// Regression: issue 10, a concurrent reassignment buried the office's close.
#[test]
fn an_offices_close_is_not_undone_by_a_concurrent_reassignment() {
    let env = district_and_office();
    let id = "S01-2026-0001";
    env.ledger(&[
        "--db",
        "S01.db",
        "close",
        id,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    // The district's clock is ahead (it merged many offices), so its
    // assign sorts after the close.
    for _ in 0..3 {
        env.ledger(&["note", id, "督办"]).ok();
    }
    env.ledger(&["assign", id, "--unit", "ZJ", "--days", "3"])
        .ok();
    env.ledger(&["--db", "S01.db", "export", "--out", "S01d.csv"])
        .ok();
    let r = env.ledger(&["merge", "S01d.csv", "--format", "json"]).ok();
    r.err_has(id);
    assert_eq!(r.json()[0]["conflicts"][0], id);
    assert_eq!(env.status(id), "closed");
    env.ledger(&["export", "--out", "D.csv"]).ok();
    env.ledger(&["--db", "S01.db", "merge", "D.csv"]).ok();
    assert_eq!(
        env.ledger(&["--db", "S01.db", "show", id, "--format", "json"])
            .ok()
            .json()["case"]["status"],
        "closed"
    );
    assert_eq!(env.list_ids(&["--conflicts"]), [id]);
    let report = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(report["conflicts"], 1);
    env.ledger(&["note", id, "已核实：办事处已办结"]).ok();
    assert!(env.list_ids(&["--conflicts"]).is_empty());
    env.check();
}

// --- Personal data.

#[test]
fn personal_data_is_masked_unless_show_pii() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--complainant", "张三丰", "--phone", "13812345678"],
    ));
    env.ledger(&["note", &id, "已回访"]).ok();
    let masked_name = "张**";
    let masked_phone = "138****5678";
    let hidden = |what: &str, out: &str| {
        assert!(!out.contains("张三丰"), "{what} shows the name:\n{out}");
        assert!(
            !out.contains("13812345678"),
            "{what} shows the phone:\n{out}"
        );
    };
    // list, every format.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["list", "--format", f]).ok().stdout;
        hidden(&format!("list --format {f}"), &out);
    }
    let list = env.ledger(&["list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["complainant"], masked_name);
    assert_eq!(list[0]["phone"], masked_phone);
    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    assert!(csv.contains(masked_name) && csv.contains(masked_phone));
    // show, every format, including the events' data.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["show", &id, "--format", f]).ok().stdout;
        hidden(&format!("show --format {f}"), &out);
        assert!(
            out.contains(masked_phone),
            "show --format {f} shows the masked phone"
        );
    }
    let shown = env.show_json(&id);
    assert_eq!(shown["case"]["complainant"], masked_name);
    assert_eq!(shown["case"]["phone"], masked_phone);
    assert_eq!(shown["events"][0]["data"]["complainant"], masked_name);
    assert_eq!(shown["events"][0]["data"]["phone"], masked_phone);
    // report has no personal data either.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["report", "--format", f]).ok().stdout;
        hidden(&format!("report --format {f}"), &out);
    }
    // --show-pii shows them.
    let list = env
        .ledger(&["list", "--format", "json", "--show-pii"])
        .ok()
        .json();
    assert_eq!(list[0]["complainant"], "张三丰");
    assert_eq!(list[0]["phone"], "13812345678");
    let shown = env
        .ledger(&["show", &id, "--format", "json", "--show-pii"])
        .ok()
        .json();
    assert_eq!(shown["case"]["complainant"], "张三丰");
    assert_eq!(shown["events"][0]["data"]["phone"], "13812345678");
    let table = env.ledger(&["show", &id, "--show-pii"]).ok().stdout;
    assert!(table.contains("张三丰") && table.contains("13812345678"));
    // Stored in full.
    let stored: String = env
        .sqlite()
        .query_row("SELECT phone FROM cases WHERE id = ?1", [&id], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "13812345678");
}

// --- Files that would take the machine's memory.

// Regression: issue 13, `merge /dev/zero` grew to 2.1 GB and aborted; an
// exchange file with one 200 MB field took 623 MB. A line longer than any
// export writes is refused as soon as it passes the bound.
#[test]
fn a_line_longer_than_an_export_writes_is_refused_without_reading_it_whole() {
    let env = TestEnv::district();
    let mut big = b"format,origin,seq,clock,at,actor,kind,case_id,payload,hash\n".to_vec();
    big.extend_from_slice(b"ledger/2,S01,0,1,x,x,export.begin,,\"");
    big.resize(big.len() + 5 * 1024 * 1024, b'a');
    big.extend_from_slice(b"\",\n");
    let path = env.write("big.csv", &big);
    let before = env.snapshot();
    env.ledger(&["--lang", "en", "merge", path.to_str().unwrap()])
        .refused()
        .err_has("big.csv: a line longer than 4 MiB: not an exchange file");
    #[cfg(unix)]
    env.ledger(&["--lang", "en", "merge", "/dev/zero"])
        .refused()
        .err_has("/dev/zero: a line longer than 4 MiB");
    before.assert_unchanged();
}

// --- Files it writes: never over a ledger or a device; rejects inert.

// Regression: issue 13, `ledger --db s1.db export --out s1.db` left a CSV
// where the ledger was; `export --out /dev/full` as root replaced the
// device node with a regular file.
#[test]
fn out_never_writes_over_a_ledger_or_a_device() {
    let env = TestEnv::init();
    env.ledger(&["--lang", "en", "export", "--out", "ledger.db"])
        .refused()
        .err_has("ledger.db is a ledger (SQLite) file: it is not written over");
    env.ledger(&["list"]).ok();
    #[cfg(unix)]
    env.ledger(&["--lang", "en", "list", "--out", "/dev/null"])
        .refused()
        .err_has("/dev/null is not a regular file");
}

// Regression: issue 13, rejected rows were written raw: a cell such as
// `=HYPERLINK(…)` ran as a formula when the clerk opened the file.
#[test]
fn rejected_rows_are_written_inert_and_owner_only() {
    let env = TestEnv::init();
    env.write(
        "in.csv",
        "工单编号,来电时间,诉求内容\nB1,昨天下午,\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"\nB2,2026-11-01,+cmd\n",
    );
    env.ledger(&[
        "add",
        "--from",
        "in.csv",
        "--profile",
        "hotline",
        "--rejects",
        "r.csv",
    ])
    .ok();
    let text = env.read("r.csv");
    assert!(text.contains("'=HYPERLINK("), "{text}");
    assert!(!text.contains(",=HYPERLINK("), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.dir().join("r.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

// Regression: issue 13: a pasted text longer than a spreadsheet cell was
// stored whole (a 210 MB summary).
#[test]
fn a_text_longer_than_a_spreadsheet_cell_is_refused_at_the_command() {
    let env = TestEnv::init();
    let long = "停".repeat(32_768);
    let r = env.refuses(
        &["add", "--community", "幸福里小区", "--summary", &long],
        "summary is 32768 characters long; a text holds at most 32767",
    );
    assert!(r.stderr.len() < 1000, "the text is not echoed");
}

// Regression: issue 13, `show` of a 100,000-digit id echoed it twice.
#[test]
fn a_pasted_100000_character_value_is_echoed_cut() {
    let env = TestEnv::init();
    let long = "9".repeat(100_000);
    let r = env.ledger(&["show", &long]).refused();
    assert!(r.stderr.len() < 1_000, "{} bytes", r.stderr.len());
    assert!(r.stderr.contains('…'), "{}", r.stderr);
}

// Regression: issue 13, `ledger demo`'s folder followed the umask.
#[cfg(unix)]
#[test]
fn the_demo_folder_is_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let dir = env.demo_office("5");
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}

// Regression: issue 13, 20 SIGKILLs during `export --out` left 16 hidden
// `.S01.csv.tmp-PID` files (125 MB of personal data) that nothing removed.
#[cfg(unix)]
#[test]
fn a_killed_writes_temporary_file_is_removed_by_the_next_write() {
    let env = TestEnv::init();
    let orphan = env.write(".out.csv.tmp-2147483646", "personal data");
    let live = env.write(&format!(".out.csv.tmp-{}", std::process::id()), "in use");
    env.ledger(&["list", "--format", "csv", "--out", "out.csv"])
        .ok();
    assert!(!orphan.exists(), "the dead process's file is removed");
    assert!(live.exists(), "a live process's file is left alone");
    assert!(env.dir().join("out.csv").exists());
}

// Regression: issue 13, a payload that does not fit its kind was refused
// with serde's words, which quote the value (`invalid type: integer
// \`13912345678\``).
#[test]
fn a_payload_fault_is_named_without_quoting_its_value() {
    let e = ledger::ledger::Event::parse("case.note", r#"{"text": 13912345678}"#).unwrap_err();
    assert!(!e.contains("13912345678"), "{e}");
    assert!(e.contains("case.note") && e.contains("column"), "{e}");
}

// Regression: issue 13, a row repeated by a spreadsheet copy-paste was
// reported as "rewrites history this ledger holds"; so were seq 0, clock 0
// and a negative clock.
#[test]
fn a_repeated_row_or_an_impossible_number_is_named_for_what_it_is() {
    let env = district_and_office();
    let note = event(
        "S01",
        4,
        "case.note",
        Some("S01-2026-0001"),
        r#"{"text":"已回访"}"#,
    );
    let cases = [
        (
            "twice",
            vec![note.clone(), note.clone()],
            "is in the file twice",
        ),
        (
            "two",
            vec![
                note.clone(),
                rehash(note.clone(), |e| e.payload = r#"{"text":"x"}"#.into()),
            ],
            "two different events in the file carry the number S01/4",
        ),
        (
            "seq0",
            vec![rehash(note.clone(), |e| e.seq = 0)],
            "seq 0 is outside",
        ),
        (
            "clock0",
            vec![rehash(note.clone(), |e| e.clock = 0)],
            "clock 0 is outside",
        ),
        (
            "clockneg",
            vec![rehash(note.clone(), |e| e.clock = -5)],
            "clock -5 is outside",
        ),
    ];
    for (name, extra, why) in cases {
        let file = format!("{name}.csv");
        env.write(&file, office_file_with(&env, extra));
        let r = env.refuses(&["merge", &file], &format!("{file}, line"));
        assert!(r.stderr.contains(why), "{name}: {}", r.stderr);
        assert!(
            !r.stderr.contains("rewrites history"),
            "{name}: {}",
            r.stderr
        );
    }
    still_works(&env);
}

// Regression: issue 13, the address was never masked, and a phone that
// failed validation moved into the details (`联系电话：…`) and was shown
// unmasked everywhere.
#[test]
fn addresses_below_the_building_and_phones_in_free_text_are_masked() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "停水，业主 13812345678 反映",
        &[
            "--address",
            "幸福里小区3号楼2单元301室",
            "--details",
            "联系电话：13900003333 / 13900004444",
        ],
    ));
    env.ledger(&["note", &id, "请回电 010-12345678"]).ok();
    let secrets = [
        "2单元301室",
        "13812345678",
        "13900003333",
        "13900004444",
        "010-12345678",
    ];
    for args in [
        vec!["list", "--format", "table"],
        vec!["list", "--format", "csv"],
        vec!["list", "--format", "json"],
        vec!["show", &id],
        vec!["show", &id, "--format", "json"],
        vec!["show", &id, "--format", "md"],
    ] {
        let out = env.ledger(&args).ok().stdout;
        for s in secrets {
            assert!(!out.contains(s), "{args:?} shows {s}:\n{out}");
        }
    }
    let v = env.show_json(&id);
    assert_eq!(v["case"]["address"], "幸福里小区3号楼****");
    assert_eq!(v["case"]["details"], "联系电话：139****3333 / 139****4444");
    assert_eq!(v["case"]["summary"], "停水，业主 138****5678 反映");
    assert_eq!(v["events"][0]["data"]["address"], "幸福里小区3号楼****");
    assert_eq!(v["events"][1]["data"]["text"], "请回电 010*****5678");
    let all = env
        .ledger(&["show", &id, "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    for s in secrets {
        assert!(all.contains(s), "--show-pii shows {s}");
    }
}

// Regression: issue 13, `--show-pii` needed nothing and left no trace.
#[test]
fn every_use_of_show_pii_is_recorded_and_stays_in_the_file() {
    let env = TestEnv::init();
    let a = env.add(&add_args("幸福里小区", "停水", &["--phone", "13812345678"]));
    let b = env.add(&add_args("阳光花园", "停电", &[]));
    env.ledger(&["--lang", "en", "audit"])
        .ok()
        .err_has("--show-pii has not been used");
    env.ledger(&["list", "--format", "json"]).ok();
    env.run()
        .var("LEDGER_USER", "王五")
        .ledger(&["show", &a, "--show-pii"])
        .ok();
    env.ledger(&["list", "--show-pii", "--community", "阳光"])
        .ok();
    let uses = env.ledger(&["audit", "--format", "json"]).ok().json();
    let uses = uses.as_array().unwrap();
    assert_eq!(uses.len(), 2, "{uses:?}");
    assert_eq!(uses[0]["user"], "王五");
    assert_eq!(uses[0]["command"], format!("show {a} --show-pii"));
    assert_eq!(uses[0]["cases"], serde_json::json!([a]));
    assert_eq!(uses[1]["user"], "test");
    assert_eq!(uses[1]["cases"], serde_json::json!([b]));
    assert!(
        uses[0]["at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-26T10:00")
    );
    // Not exported: the record of who looked stays in this file.
    env.ledger(&["export", "--out", "x.csv"]).ok();
    let x = env.read("x.csv");
    assert!(!x.contains("show-pii") && !x.contains("王五"), "{x}");
    let table = env.ledger(&["audit"]).ok().stdout;
    assert!(
        table.contains("王五") && table.contains("操作人"),
        "{table}"
    );
}
