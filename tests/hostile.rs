//! Files made to hurt (issue 13): workbooks and CSV files that would have
//! aborted the tool or eaten the machine's memory are refused with a
//! message naming the file, within a memory cap, and nothing is written.

use std::io::Write;
use std::process::Output;

use crate::common::TestEnv;

/// Runs `ledger` (in English) under an address-space cap, as `ulimit -v`
/// does: a reader that tried to hold the file's promise in memory would
/// abort instead of answering.
fn capped(env: &TestEnv, args: &[&str]) -> Output {
    let mut c = env.run().var("LEDGER_LANG", "en").command(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs here.
        unsafe {
            c.pre_exec(|| {
                let cap = 1_500_000_000;
                let lim = libc::rlimit {
                    rlim_cur: cap,
                    rlim_max: cap,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    c.output().expect("ledger runs")
}

/// `add --from FILE` under the cap: refused (exit 1) with `fragment` on
/// stderr, nothing written.
#[track_caller]
fn refused_within_bounds(env: &TestEnv, file: &str, fragment: &str) {
    let before = env.snapshot();
    let out = capped(env, &["add", "--from", file]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error:") && err.contains(fragment), "{err}");
    assert!(err.len() < 1000, "a short message: {} bytes", err.len());
    before.assert_unchanged();
}

/// A workbook with a header, one row and one more cell at `(row, col)`.
fn workbook_with_cell_at(row: u32, col: u16) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "工单编号").unwrap();
    ws.write_string(0, 1, "诉求内容").unwrap();
    ws.write_string(1, 0, "A1").unwrap();
    ws.write_string(1, 1, "小区停水").unwrap();
    ws.write_string(row, col, "远处").unwrap();
    wb.save_to_buffer().unwrap()
}

/// `bytes` (a zip) with the part `name` replaced by `content`, stored
/// deflated: a few kilobytes however large `content` unpacks.
fn with_part(bytes: &[u8], name: &str, content: &dyn Fn(&mut dyn Write)) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let part = src.by_index_raw(i).unwrap();
        if part.name().unwrap() != name {
            out.raw_copy_file(part).unwrap();
        }
    }
    out.start_file(name, opts).unwrap();
    content(&mut out);
    out.finish().unwrap().into_inner()
}

// Regression: issue 13, a 1.9 KB xlsx with one cell at XFD1048576 aborted
// with `memory allocation of 549755813888 bytes failed`.
#[test]
fn a_cell_at_the_sheets_far_corner_turns_its_row_away_without_aborting() {
    let env = TestEnv::init();
    env.write("far.xlsx", workbook_with_cell_at(1_048_575, 16_383));
    let out = capped(&env, &["add", "--from", "far.xlsx", "--profile", "hotline"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("imported 1") && err.contains("rejected 1"),
        "{err}"
    );
    assert!(err.contains("row 1048576"), "the far row is named: {err}");
}

// Regression: issue 13, a 5.8 MB zip bomb reached 2 GB RSS and aborted.
#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_unread() {
    let env = TestEnv::init();
    let base = workbook_with_cell_at(2, 0);
    let bomb = with_part(&base, "xl/worksheets/sheet1.xml", &|w| {
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..100 {
            w.write_all(&zeros).unwrap();
        }
    });
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    env.write("bomb.xlsx", bomb);
    refused_within_bounds(
        &env,
        "bomb.xlsx",
        "bomb.xlsx: its part xl/worksheets/sheet1.xml unpacks to more than 64 MB",
    );
}

// Regression: issue 13, an xlsx with one 1.5 GB shared string aborted at
// about 2 GB RSS.
#[test]
fn a_shared_string_larger_than_memory_allows_is_refused() {
    let env = TestEnv::init();
    let base = workbook_with_cell_at(2, 0);
    let big = with_part(&base, "xl/sharedStrings.xml", &|w| {
        w.write_all(b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>").unwrap();
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..70 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"</t></si></sst>").unwrap();
    });
    env.write("big.xlsx", big);
    refused_within_bounds(
        &env,
        "big.xlsx",
        "xl/sharedStrings.xml unpacks to more than 64 MB",
    );
}

// Regression: issue 13, a 210 MB one-line CSV was imported as one 210 MB
// summary at 2.2 GB RSS; 200 MB without the expected header gave a
// 209,715,405-byte message.
#[test]
fn a_csv_larger_than_an_export_is_refused_before_it_is_parsed() {
    let env = TestEnv::init();
    let mut f = std::fs::File::create(env.dir().join("huge.csv")).unwrap();
    let line = vec![b'a'; 1 << 20];
    for _ in 0..65 {
        f.write_all(&line).unwrap();
    }
    drop(f);
    refused_within_bounds(&env, "huge.csv", "huge.csv is larger than 64 MB");
}

#[test]
fn a_first_line_that_is_no_header_is_refused_in_a_short_message() {
    let env = TestEnv::init();
    env.write("one.csv", "x".repeat(300_000));
    refused_within_bounds(
        &env,
        "one.csv",
        "one.csv: column 1 of the header row is 300000 characters long",
    );
    env.write("wide.csv", vec!["a"; 5000].join(","));
    refused_within_bounds(
        &env,
        "wide.csv",
        "wide.csv: the header row has 1001 or more columns",
    );
}

#[test]
fn a_cell_longer_than_a_spreadsheet_holds_turns_its_row_away() {
    let env = TestEnv::init();
    let long = "停".repeat(40_000);
    env.write(
        "long.csv",
        format!("工单编号,来电时间,诉求内容\nB1,2026-11-01,{long}\nB2,2026-11-01,小区停水\n"),
    );
    let r = env.ledger(&[
        "--lang",
        "en",
        "add",
        "--from",
        "long.csv",
        "--profile",
        "hotline",
    ]);
    let r = r.ok();
    assert!(
        r.stderr.contains("imported 1") && r.stderr.contains("rejected 1"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "诉求内容: a cell of 40000 characters (a spreadsheet cell holds at most 32767)"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.len() < 2000, "the value is not echoed");
}

// Regression: issue 13, a malformed UTF-8 CSV: auto-detect said "try
// --encoding utf-8" and, with that flag, "try --encoding gb18030".
#[test]
fn a_file_in_neither_encoding_is_called_damaged_either_way() {
    let env = TestEnv::init();
    let mut bytes = "工单编号,来电时间,诉求内容\nB1,2026-11-01,停水"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFF, b'\n']);
    env.write("bad.csv", bytes);
    for extra in [&[][..], &["--encoding", "utf-8"][..]] {
        let mut args = vec!["add", "--from", "bad.csv", "--profile", "hotline"];
        args.extend_from_slice(extra);
        let r = env.refuses(&args, "bad.csv line 2: not valid");
        assert!(
            r.stderr.contains("it is damaged or in another encoding"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("try --encoding"), "{}", r.stderr);
    }
}

// Regression: issue 13, an office name from an exchange file was printed
// raw in a merge error (`ESC]0;pwned BEL ESC[2J` set the terminal's title
// and cleared the screen); `report --format md` and `list --format csv`
// passed ESC and NUL through; tables passed U+202E through.
#[test]
fn text_from_a_file_or_a_case_cannot_drive_the_terminal() {
    let env = TestEnv::district();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J街道\u{202e}";
    env.ledger(&["--db", "S09.db", "init", "--office", "S09", "--name", evil])
        .ok();
    env.ledger(&[
        "--db",
        "S09.db",
        "add",
        "--community",
        "幸福\u{1b}[31m里\u{7f}",
        "--summary",
        "停水\u{202e}",
    ])
    .ok();
    env.ledger(&["--db", "S09.db", "export", "--out", "S09.csv"])
        .ok();
    let raw = |s: &str| s.contains(['\u{1b}', '\u{7f}', '\u{202e}']);
    let r = env.ledger(&["--lang", "en", "merge", "S09.csv"]).refused();
    assert!(!raw(&r.stderr) && !raw(&r.stdout), "{r:?}");
    assert!(
        r.stderr.contains("\u{241b}]0;pwned\u{2407}"),
        "{}",
        r.stderr
    );
    for args in [
        &["list"][..],
        &["list", "--format", "csv"],
        &["list", "--format", "md"],
        &["report", "--format", "md"],
        &["report", "--by", "community"],
        &["show", "S09-2026-0001"],
    ] {
        let mut all = vec!["--db", "S09.db"];
        all.extend_from_slice(args);
        let r = env.ledger(&all).ok();
        assert!(!raw(&r.stdout) && !raw(&r.stderr), "{args:?}: {r:?}");
    }
    // JSON is for scripts: the text is kept exactly, escaped as JSON does.
    let v = env
        .ledger(&[
            "--db",
            "S09.db",
            "show",
            "S09-2026-0001",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(v["case"]["summary"], "停水\u{202e}");
}

// Regression: issue 13, `--db` naming a FIFO got "could not be written
// (disk full…)".
#[cfg(unix)]
#[test]
fn a_pipe_named_as_the_ledger_is_called_what_it_is() {
    let env = TestEnv::new();
    let fifo = env.dir().join("pipe.db");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo has no other preconditions.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    env.refuses(
        &["--db", "pipe.db", "list"],
        "pipe.db is not a ledger file: it is not a regular file (a pipe or a device)",
    );
}

// A line no spreadsheet writes is refused before the CSV parser holds it.
#[test]
fn a_csv_line_of_megabytes_is_refused_before_it_is_parsed() {
    let env = TestEnv::init();
    let mut text = "工单编号,来电时间,诉求内容\nB1,2026-11-01,".to_string();
    text.push_str(&"x".repeat(5 << 20));
    text.push('\n');
    env.write("line.csv", text);
    refused_within_bounds(&env, "line.csv", "line.csv line 2 is longer than 4 MB");
}
