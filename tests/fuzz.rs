//! Issue 7: hostile input never panics. Arbitrary bytes and mutated valid
//! files go to the exchange reader and merge, and arbitrary text to the
//! standard loader; every outcome is a clean refusal or a correct merge.

use std::sync::OnceLock;

use chrono::DateTime;
use proptest::prelude::*;

use ledger::credit::standard::Standard;
use ledger::exchange::{self, Reader};
use ledger::ledger::{Error, Ledger, Stamp};

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
    let outcome = Reader::new("x.csv", bytes).and_then(|r| d.merge(r, false, &mut |_| {}));
    match outcome {
        Ok(_) | Err(Error::Refused(_)) => {}
        Err(e) => panic!("not a clean refusal: {e}"),
    }
    let report = d.check().unwrap();
    assert!(report.problem.is_none(), "{:?}", report.problem);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn issue7_arbitrary_bytes_are_refused_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        merge_bytes(&bytes);
    }

    #[test]
    fn issue7_mutated_exchange_files_are_refused_or_merged(
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
    fn issue7_arbitrary_standard_files_never_panic(text in "(type,code,description,points,months,dishonesty\n)?([a-z]{0,8},[A-Z0-9-]{0,5},[^\n]{0,10},[+-]?[0-9]{0,3},[0-9]{0,3},(yes|no|x)?\n){0,8}") {
        let _ = Standard::parse_csv("s.csv", &text);
    }
}

#[test]
fn issue7_the_unmutated_file_merges() {
    merge_bytes(valid_export());
    let text = String::from_utf8(valid_export().to_vec()).unwrap();
    assert!(text.lines().count() > 12);
}
