//! Files written by earlier versions open, upgrade and read the
//! same (issues 7 and 10). These fixtures were made by schema version 1 (see
//! tests/fixtures/make-v1.sh) and stay in the suite for good.

use crate::common::TestEnv;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
/// "Now" when the fixtures were made.
const THEN: &str = "2026-03-08T11:00:00+08:00";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

#[test]
fn a_version_1_ledger_opens_and_reads_as_it_was_written() {
    let env = TestEnv::new();
    std::fs::write(env.db(), fixture("S07-v1.db")).unwrap();
    env.at(THEN).ledger(&["check"]).ok();
    let list = env
        .at(THEN)
        .ledger(&["list", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    reads_as_the_fixture(&list);
    // It takes new work, numbering on from where it was.
    let id = env
        .at("2026-03-09T09:00:00+08:00")
        .ledger(&["add", "--community", "翠竹苑", "--summary", "电梯停运"])
        .ok()
        .stdout;
    assert_eq!(id.trim(), "S07-2026-0005");
    env.at("2026-03-09T10:00:00+08:00").ledger(&["check"]).ok();
    let credit = env
        .at(THEN)
        .ledger(&["credit", "score", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        credit["companies"][0]["score"], 94,
        "100 - 12 (WY-06) + 6 (G-CITY)"
    );
}

// Files are signed since format ledger/2; an unsigned file from
// an office still on the old version is refused with what to do, and the
// office's ledger, once upgraded, exports the same cases signed.
#[test]
fn a_version_1_exchange_file_is_refused_with_what_to_do() {
    let env = TestEnv::district();
    std::fs::write(env.dir().join("S07-v1.csv"), fixture("S07-v1.csv")).unwrap();
    env.refuses(&["merge", "S07-v1.csv"], "S07-v1.csv, line 2")
        .err_has("older `ledger` (format ledger/1, unsigned)")
        .err_has("ledger trust CODE KEY");
    // The office upgrades (its file gets a key), registers, exports again.
    std::fs::write(env.dir().join("S07.db"), fixture("S07-v1.db")).unwrap();
    env.at(THEN).ledger(&["--db", "S07.db", "check"]).ok();
    env.introduce("ledger.db", &["S07.db"]);
    env.at(THEN)
        .ledger(&["--db", "S07.db", "export", "--out", "S07.csv"])
        .ok();
    let r = env
        .at(THEN)
        .ledger(&["merge", "S07.csv", "--format", "json"])
        .ok()
        .json();
    assert_eq!(r[0]["new_events"], 17, "16 events and the key registration");
    let list = env
        .at(THEN)
        .ledger(&["list", "--office", "S07", "--format", "json", "--show-pii"])
        .ok()
        .stdout;
    reads_as_the_fixture(&list);
}

/// `list --format json` gives every field the fixture has as it was
/// written; fields added since (issue 15's units' loop) come beside them.
fn reads_as_the_fixture(list: &str) {
    let got: serde_json::Value = serde_json::from_str(list).unwrap();
    let want: serde_json::Value = serde_json::from_slice(&fixture("S07-v1.list.json")).unwrap();
    let (got, want) = (got.as_array().unwrap(), want.as_array().unwrap());
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        for (key, value) in w.as_object().unwrap() {
            assert_eq!(&g[key], value, "{key} of {}", w["id"]);
        }
    }
}
