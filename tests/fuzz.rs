//! Issue 7: hostile input never panics. Arbitrary bytes and mutated valid
//! files go to the exchange reader and merge, and arbitrary text to the
//! standard loader; every outcome is a clean refusal or a correct merge.

use std::sync::OnceLock;

use chrono::DateTime;
use proptest::prelude::*;

use ledger::credit::standard::Standard;
use ledger::exchange::{self, Reader};
use ledger::ledger::{Ledger, Stamp};

fn stamp() -> Stamp {
    Stamp {
        now: DateTime::parse_from_rfc3339("2026-11-26T10:00:00+08:00").unwrap(),
        actor: "fuzz".into(),
    }
}

/// A real exchange file: an office with a few cases of every kind.
fn valid_export() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::create(
            &dir.path().join("S01.db"),
            &"S01".parse().unwrap(),
            "甲街道",
            false,
            &stamp(),
        )
        .unwrap();
        let plan = ledger::demo::Plan {
            cases: 12,
            seed: 3,
            days: 60,
            now: stamp().now,
        };
        l.write(&stamp(), |w| ledger::demo::generate(w, &plan))
            .unwrap();
        let mut buf = Vec::new();
        exchange::export(&l, &mut buf, None).unwrap();
        buf
    })
}

/// Merges `bytes` into a fresh district; panics only if something other
/// than a clean refusal goes wrong, or the ledger is left inconsistent.
fn merge_bytes(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Ledger::create(
        &dir.path().join("D.db"),
        &"D".parse().unwrap(),
        "区",
        true,
        &stamp(),
    )
    .unwrap();
    let outcome = Reader::new("x.csv", bytes)
        .and_then(|r| d.merge(r, ledger::ledger::Then::Commit, &mut |_| {}));
    match outcome {
        Ok(_) => {}
        Err(e) if e.is_refusal() => {}
        Err(e) => panic!("not a clean refusal: {e}"),
    }
    let report = d.check().unwrap();
    assert!(report.problem.is_none(), "{:?}", report.problem);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_refused_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        merge_bytes(&bytes);
    }

    #[test]
    fn mutated_exchange_files_are_refused_or_merged(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4u8), 1..6)
    ) {
        let mut bytes = valid_export().to_vec();
        for (at, byte, how) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        merge_bytes(&bytes);
    }

    #[test]
    fn arbitrary_standard_files_never_panic(text in "(type,code,description,points,months,dishonesty\n)?([a-z]{0,8},[A-Z0-9-]{0,5},[^\n]{0,10},[+-]?[0-9]{0,3},[0-9]{0,3},(yes|no|x)?\n){0,8}") {
        let _ = Standard::parse_csv("s.csv", &text);
    }
}

#[test]
fn the_unmutated_file_merges() {
    merge_bytes(valid_export());
    let text = String::from_utf8(valid_export().to_vec()).unwrap();
    assert!(text.lines().count() > 12);
}

/// A small valid xlsx of hotline rows, to mutate.
fn valid_xlsx() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["工单编号", "来电时间", "诉求内容", "所属小区"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..6u32 {
            sheet.write_string(r, 0, format!("RX{r}")).unwrap();
            sheet.write_number(r, 1, 46000.5 + f64::from(r)).unwrap();
            sheet.write_string(r, 2, "物业停水").unwrap();
            sheet.write_string(r, 3, "幸福里小区").unwrap();
        }
        book.save_to_buffer().unwrap()
    })
}

const VALID_CSV: &str = "\u{feff}工单编号,来电时间,诉求内容,所属小区\r\nRX1,2026/1/5 9:03:07,\"物业停水, 三天\",幸福里小区\r\nRX2,43856.8244,电梯故障,阳光花园\r\n";

/// Runs `ledger add --from` on `bytes` saved as `name`: a clean import or
/// a clean refusal, never a panic, and the ledger stays whole.
fn import_bytes(name: &str, bytes: &[u8]) {
    let env = crate::common::TestEnv::init();
    std::fs::write(env.dir().join(name), bytes).unwrap();
    let r = env.ledger(&["add", "--from", name]);
    assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    env.check();
}

fn mutate(mut bytes: Vec<u8>, edits: Vec<(prop::sample::Index, u8, u8)>) -> Vec<u8> {
    for (at, byte, how) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = at.index(bytes.len());
        match how % 4 {
            0 => bytes[i] = byte,
            1 => {
                bytes.remove(i);
            }
            2 => bytes.insert(i, byte),
            _ => bytes.truncate(i),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn intake_of_arbitrary_or_mutated_files_never_panics(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..5),
    ) {
        import_bytes("x.csv", &bytes);
        import_bytes("x.xlsx", &bytes);
        import_bytes("m.csv", &mutate(VALID_CSV.as_bytes().to_vec(), edits.clone()));
        import_bytes("m.xlsx", &mutate(valid_xlsx().to_vec(), edits));
    }
}

#[test]
fn the_unmutated_intake_files_import() {
    for (name, bytes) in [("v.csv", VALID_CSV.as_bytes()), ("v.xlsx", valid_xlsx())] {
        let env = crate::common::TestEnv::init();
        std::fs::write(env.dir().join(name), bytes).unwrap();
        env.ledger(&["add", "--from", name]).ok();
        assert_eq!(
            env.list_ids(&[]).len(),
            if name.ends_with("csv") { 2 } else { 5 },
            "{name}"
        );
    }
}
