//! On the clerk's desk (issue 12): `--out FILE` instead of redirection,
//! `merge` of folders and of `*`/`?` names no shell expanded, completion of
//! the values flags accept, and a manual page per subcommand.
//!
//! Runs pass `--lang en` where they check a message's words, whatever the
//! default language.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::{TestEnv, five_cases};

// --- --out FILE.

// Regression: issue 12, saving a report meant `> 周报.md`, which
// PowerShell 5.1 re-encodes; `--out` writes the very bytes stdout gets.
#[test]
fn out_writes_what_stdout_gets_and_csv_keeps_its_bom() {
    let (env, [c1, ..]) = five_cases();
    for (args, file) in [
        (vec!["list", "--format", "csv"], "台账.csv"),
        (
            vec!["report", "--by", "status", "--format", "md"],
            "周报.md",
        ),
        (vec!["show", c1.as_str()], "show.txt"),
        (vec!["catalog", "units", "--format", "json"], "units.json"),
        (vec!["key"], "key.txt"),
    ] {
        let shown = env.ledger(&args).ok().stdout;
        let mut to_file = args.clone();
        to_file.extend(["--out", file]);
        let r = env.ledger(&to_file).ok();
        assert!(r.stdout.is_empty(), "{args:?}: data goes to the file only");
        assert!(
            r.stderr.contains(file),
            "{args:?} names the file: {}",
            r.stderr
        );
        assert_eq!(env.read(file), shown, "{args:?}");
    }
    let csv = std::fs::read(env.dir().join("台账.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "CSV keeps its BOM");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |f: &str| {
            let meta = std::fs::metadata(env.dir().join(f)).unwrap();
            meta.permissions().mode() & 0o777
        };
        assert_eq!(mode("台账.csv"), 0o600, "cases name complainants");
        env.ledger(&["completions", "bash", "--out", "ledger.bash"])
            .ok();
        assert_eq!(mode("ledger.bash"), 0o644, "every user's shell reads it");
    }
}

#[test]
fn out_replaces_a_file_whole_and_a_refused_command_leaves_it() {
    let (env, _) = five_cases();
    env.write("周报.md", "last week\n");
    env.ledger(&["--lang", "en", "show", "S07-2026-0099", "--out", "周报.md"])
        .refused();
    assert_eq!(env.read("周报.md"), "last week\n", "the old file stays");
    let names: Vec<String> = std::fs::read_dir(env.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains(".tmp-")),
        "no temporary file left: {names:?}"
    );
    env.ledger(&["report", "--format", "md", "--out", "周报.md"])
        .ok();
    assert!(env.read("周报.md").starts_with("# "), "replaced whole");
}

#[test]
fn every_command_that_prints_data_takes_out() {
    let env = TestEnv::new();
    for cmd in [
        "list",
        "show",
        "report",
        "catalog",
        "key",
        "trust",
        "export",
        "merge",
        "completions",
        "man",
        "credit score",
        "credit notice",
        "credit company list",
        "credit company show",
        "credit standard show",
    ] {
        let mut args: Vec<&str> = cmd.split(' ').collect();
        args.push("--help");
        let help = env.ledger(&args).ok().stdout;
        assert!(help.contains("--out <FILE>"), "{cmd} has no --out");
    }
}

// --- merge: folders and wildcards.

/// A district (`ledger.db`) trusting offices S07 and S08, whose exports
/// are in `share/` beside a rejects CSV and a note that are not exchange
/// files.
fn share_with_two_exports() -> TestEnv {
    let env = TestEnv::district();
    for o in ["S07", "S08"] {
        let db = format!("{o}.db");
        env.ledger(&["--db", &db, "init", "--office", o, "--name", "街道"])
            .ok();
        env.ledger(&[
            "--db",
            &db,
            "add",
            "--community",
            "幸福里",
            "--summary",
            "停水",
        ])
        .ok();
    }
    env.introduce("ledger.db", &["S07.db", "S08.db"]);
    std::fs::create_dir(env.dir().join("share")).unwrap();
    // Exported in the opposite order to their names: merge sorts.
    for o in ["S08", "S07"] {
        let out = format!("share/{o}.csv");
        env.ledger(&["--db", &format!("{o}.db"), "export", "--out", &out])
            .ok();
    }
    env.write("share/退回.csv", "\u{feff}行,原因\n1,无摘要\n");
    env.write("share/readme.txt", "nightly exports\n");
    env
}

/// The files a `merge --format json` names, in order.
fn merged(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["merge", "--format", "json"];
    all.extend_from_slice(args);
    let out = env.ledger(&all).ok().json();
    let files = out.as_array().expect("one result per file").iter();
    files
        .map(|r| {
            assert_eq!(r["refused"], Value::Bool(false), "{r}");
            let name = r["file"].as_str().unwrap();
            Path::new(name)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

// Regression: issue 12, `merge demo/` (a folder) was refused.
#[test]
fn merge_takes_a_folder_of_exchange_files_sorted_by_name() {
    let env = share_with_two_exports();
    assert_eq!(merged(&env, &["share"]), ["S07.csv", "S08.csv"]);
    assert_eq!(env.list_ids(&[]).len(), 2, "both offices' cases merged");
    // Merging the folder again changes nothing.
    let before = env.snapshot();
    assert_eq!(merged(&env, &["share/"]), ["S07.csv", "S08.csv"]);
    before.assert_unchanged();
}

// Regression: issue 12, cmd.exe and PowerShell hand `S*.csv` over as typed
// (as this test's process does: no shell in between).
#[test]
fn merge_expands_star_and_question_mark_itself() {
    let env = share_with_two_exports();
    assert_eq!(merged(&env, &["share/S*.csv"]), ["S07.csv", "S08.csv"]);
    assert_eq!(merged(&env, &["share/S0?.csv"]), ["S07.csv", "S08.csv"]);
    assert_eq!(env.list_ids(&[]).len(), 2);
}

#[test]
fn merge_refuses_a_pattern_matching_nothing_and_a_folder_without_exports() {
    let env = share_with_two_exports();
    std::fs::create_dir(env.dir().join("empty")).unwrap();
    env.refuses(&["--lang", "en", "merge", "share/D*.csv"], "share/D*.csv")
        .err_has("no file matches");
    env.refuses(&["--lang", "en", "merge", "empty"], "empty")
        .err_has("no exchange file");
    // Nothing is merged when one argument is refused, not even the others.
    env.refuses(
        &["--lang", "en", "merge", "share", "nope*.csv"],
        "nope*.csv",
    );
    assert!(env.list_ids(&[]).is_empty());
}

// --- Completion and manual pages.

// Regression: issue 12, bash completion offered file names for --status,
// --result, --format, --lang and --problem.
#[test]
fn completions_offer_the_values_flags_accept() {
    let env = TestEnv::new();
    let bash = env.ledger(&["completions", "bash"]).ok().stdout;
    for list in [
        "open assigned deferred closed",
        "resolved unfounded duplicate out_of_scope",
        "table csv json md",
        "table csv json",
        "zh en",
        "office status subject problem unit community party",
        "property_company owners_committee developer department",
        "ZJ JD SF GA CG GH HB YJ",
    ] {
        assert!(bash.contains(list), "bash completion lacks {list:?}");
    }
    let problems = bash
        .lines()
        .find(|l| l.contains("WY-01 WY-02"))
        .expect("the problem codes are offered");
    for code in ["WY-16", "YW-08", "KF-05", "ZN-19", "QT-00"] {
        assert!(problems.contains(code), "{code} missing: {problems}");
    }
    // zsh and fish show each value's meaning beside it.
    let zsh = env.ledger(&["completions", "zsh"]).ok().stdout;
    assert!(zsh.contains("待处理") && zsh.contains("WY-06"), "zsh");
    let fish = env.ledger(&["completions", "fish"]).ok().stdout;
    assert!(fish.contains("已解决"), "fish");
}

#[test]
fn offered_values_parse_as_the_types_always_did() {
    let (env, [_, c2, ..]) = five_cases();
    // Labels and short codes a clerk types are still accepted.
    assert_eq!(
        env.list_ids(&["--status", "已转办", "--problem", "zn6"]),
        [c2]
    );
    env.ledger(&["--lang", "en", "list", "--status", "bogus"])
        .refused()
        .err_has("open, assigned, deferred, closed");
}

// Regression: issue 12, `ledger man` named ledger-add(1) and others that
// did not exist.
#[test]
fn man_dir_writes_a_page_for_every_page_referred_to() {
    let env = TestEnv::new();
    env.ledger(&["man", "--dir", "man/man1"]).ok();
    let dir = env.dir().join("man/man1");
    let pages: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut referred = BTreeSet::from(["ledger.1".to_string()]);
    for page in &pages {
        let roff = std::fs::read_to_string(dir.join(page)).unwrap();
        assert!(roff.starts_with(".ie") || roff.contains(".TH"), "{page}");
        for word in roff.replace("\\-", "-").split_whitespace() {
            if let Some(name) = word.strip_suffix("(1)") {
                referred.insert(format!("{name}.1"));
            }
        }
    }
    assert_eq!(pages, referred, "one page per subcommand, no more");
    for page in ["ledger-add.1", "ledger-credit-score.1", "ledger-unit-add.1"] {
        assert!(pages.contains(page), "{page} missing");
    }
    assert!(!pages.contains("ledger-help.1"));
    let top = env.ledger(&["man"]).ok().stdout;
    assert_eq!(top, std::fs::read_to_string(dir.join("ledger.1")).unwrap());
    assert!(!env.db().exists(), "no ledger needed, none made");
}
