//! The test harness: a [`TestEnv`] owns a temporary folder and runs the real
//! `ledger` executable in it with a clean environment and a fixed clock.
//!
//! ```ignore
//! let env = TestEnv::init();                      // ledger.db for office S07
//! let id = env.add(&["--community", "幸福里小区", "--summary", "停水"]);
//! env.ledger(&["assign", &id, "--unit", "JD"]).ok();
//! env.refuses(&["close", &id, "--result", "duplicate", "--resolution", "x"], "--duplicate-of");
//! env.at("2027-06-01").ledger(&["list", "--overdue"]).ok();
//! ```

#![allow(dead_code)]

pub mod forge;
pub mod report_district;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// "Now" for every command unless a test says otherwise.
pub const NOW: &str = "2026-11-26T10:00:00+08:00";
/// Today, in the zone of [`NOW`].
pub const TODAY: &str = "2026-11-26";
/// The office `TestEnv::init` creates.
pub const OFFICE: &str = "S07";

/// `add` arguments: a community, a summary, and `more`.
pub fn add_args<'a>(community: &'a str, summary: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--community", community, "--summary", summary];
    v.extend_from_slice(more);
    v
}

/// Five cases for the list tests, in an office ledger:
/// 1 幸福里小区 WY-06 → JD, due 11-27, key;
/// 2 阳光花园 ZN-06 → CG (default), due 11-29;
/// 3 幸福里二期 YW-01 → JD, then closed;
/// 4 和平小区 → ZJ, then deferred;
/// 5 南湖小区, received 2026-03-01, open (long-running).
pub fn five_cases() -> (TestEnv, [String; 5]) {
    let env = TestEnv::init();
    let c1 = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--problem", "WY-06", "--key"],
    ));
    env.ledger(&["assign", &c1, "--unit", "JD"]).ok();
    let c2 = env.add(&add_args("阳光花园", "私搭乱建", &["--problem", "ZN-06"]));
    env.ledger(&["assign", &c2]).ok();
    let c3 = env.add(&add_args("幸福里二期", "业委会", &["--problem", "YW-01"]));
    env.ledger(&["assign", &c3, "--unit", "JD", "--days", "1"])
        .ok();
    env.ledger(&[
        "close",
        &c3,
        "--result",
        "resolved",
        "--resolution",
        "已解决",
    ])
    .ok();
    let c4 = env.add(&add_args("和平小区", "物业服务差", &[]));
    env.ledger(&["assign", &c4, "--unit", "ZJ", "--days", "1"])
        .ok();
    env.ledger(&["defer", &c4, "--plan", "待业主大会表决"]).ok();
    let c5 = env.add(&add_args("南湖小区", "电梯", &["--received", "2026-03-01"]));
    (env, [c1, c2, c3, c4, c5])
}

/// The executable under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_ledger")
}

/// A temporary folder to run `ledger` in; removed when dropped.
pub struct TestEnv {
    dir: TempDir,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    /// Runs `ledger demo` with one office and `cases` cases into the folder
    /// `demo`; returns the folder.
    pub fn demo_office(&self, cases: &str) -> PathBuf {
        let dir = self.dir().join("demo");
        self.ledger(&[
            "demo",
            "--dir",
            dir.to_str().unwrap(),
            "--offices",
            "1",
            "--cases",
            cases,
        ])
        .ok();
        dir
    }

    /// An empty folder, no ledger yet.
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::Builder::new()
                .prefix("ledger-test-")
                .tempdir()
                .expect("create a temp dir"),
        }
    }

    /// A folder with `ledger.db` initialised for office S07 (建设路街道).
    pub fn init() -> TestEnv {
        let env = TestEnv::new();
        env.ledger(&["init", "--office", OFFICE, "--name", "建设路街道"])
            .ok();
        env
    }

    /// A folder whose `ledger.db` is the district's (D, 示范区).
    pub fn district() -> TestEnv {
        let env = TestEnv::new();
        env.init_district();
        env
    }

    /// `init` of `./ledger.db` as the district (D, 示范区).
    pub fn init_district(&self) {
        self.ledger(&["init", "--office", "D", "--name", "示范区", "--district"])
            .ok();
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The default ledger file, `./ledger.db`.
    pub fn db(&self) -> PathBuf {
        self.dir().join("ledger.db")
    }

    /// Writes `bytes` to the file `name` in the folder; returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// The text of the file `name` in the folder.
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir().join(name)).unwrap()
    }

    /// A runner with the default clock and environment.
    pub fn run(&self) -> Runner<'_> {
        Runner {
            env: self,
            now: NOW.to_string(),
            vars: Vec::new(),
        }
    }

    /// A runner whose clock reads `now` (a date or an RFC 3339 time).
    pub fn at(&self, now: &str) -> Runner<'_> {
        self.run().now(now)
    }

    /// Runs `ledger ARGS` with the default clock.
    pub fn ledger(&self, args: &[&str]) -> Run {
        self.run().ledger(args)
    }

    /// `ledger add ARGS`, which must succeed; returns the new case id.
    pub fn add(&self, args: &[&str]) -> String {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        let r = self.ledger(&all).ok();
        let id = r.stdout.trim().to_string();
        assert_eq!(
            r.stdout,
            format!("{id}\n"),
            "add prints the id alone on stdout"
        );
        id
    }

    /// A plain case: `add --community 幸福里小区 --summary 物业以欠费为由停水`.
    pub fn new_case(&self) -> String {
        self.add(&[
            "--community",
            "幸福里小区",
            "--summary",
            "物业以欠费为由停水",
        ])
    }

    /// An open case of problem WY-06 (a day's time limit, no default unit):
    /// `add --community 幸福里小区 --summary 物业以欠费为由停水 --problem WY-06`.
    pub fn water_case(&self) -> String {
        self.add(&add_args(
            "幸福里小区",
            "物业以欠费为由停水",
            &["--problem", "WY-06"],
        ))
    }

    /// `show ID --format json`, parsed.
    pub fn show_json(&self, id: &str) -> Value {
        self.ledger(&["show", id, "--format", "json"]).ok().json()
    }

    /// The case object of `show ID --format json`.
    pub fn case(&self, id: &str) -> Value {
        self.show_json(id)["case"].clone()
    }

    /// The case's status code.
    pub fn status(&self, id: &str) -> String {
        self.case(id)["status"]
            .as_str()
            .expect("status is a string")
            .to_string()
    }

    /// The kinds of the case's events, oldest first.
    pub fn event_kinds(&self, id: &str) -> Vec<String> {
        self.show_json(id)["events"]
            .as_array()
            .expect("events is an array")
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_string())
            .collect()
    }

    /// `list ARGS --format json`, parsed: the ids in order.
    pub fn list_ids(&self, args: &[&str]) -> Vec<String> {
        self.run().list_ids(args)
    }

    /// `ledger check` passes.
    pub fn check(&self) {
        let r = self.ledger(&["check"]).ok();
        assert!(r.stdout.starts_with("ok:"), "check output: {}", r.stdout);
    }

    /// The bytes of the ledger file now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.db())
    }

    /// Runs a command that must be refused (exit 1) with a one-line message
    /// containing `fragment`, and must leave the file byte for byte as it was.
    pub fn refuses(&self, args: &[&str], fragment: &str) -> Run {
        self.run().refuses(args, fragment)
    }

    /// Runs a command that must be a usage error (exit 2) and write nothing.
    pub fn usage_error(&self, args: &[&str]) -> Run {
        let before = self.snapshot();
        let r = self.ledger(args).usage();
        before.assert_unchanged();
        r
    }

    /// The nightly exchange: exports `./ledger.db` to `S07.csv` and merges
    /// it into a new district file `db`.
    pub fn send_to_new_district(&self, db: &str) {
        self.ledger(&["export", "--out", "S07.csv"]).ok();
        self.ledger(&[
            "--db",
            db,
            "init",
            "--office",
            "D",
            "--name",
            "区",
            "--district",
        ])
        .ok();
        self.introduce(db, &["ledger.db"]);
        self.ledger(&["--db", db, "merge", "S07.csv"]).ok();
    }

    /// `receiver` registers the key of `sender` (both ledger paths, relative
    /// to the folder): what a district does once per office with the line
    /// the office's `ledger key` prints, and an office for its district.
    pub fn trust(&self, receiver: &str, sender: &str) {
        let line = self.ledger(&["--db", sender, "key"]).ok().stdout;
        let mut words = line.split_whitespace();
        let (code, key) = (words.next().unwrap(), words.next().unwrap());
        self.ledger(&["--db", receiver, "trust", code, key, "--replace"])
            .ok();
    }

    /// `receiver` registers `key` for `code` (a forger's, say).
    pub fn trust_key(&self, receiver: &str, code: &str, key: &str) {
        self.ledger(&["--db", receiver, "trust", code, key, "--replace"])
            .ok();
    }

    /// A district and its offices register each other's keys.
    pub fn introduce(&self, district: &str, offices: &[&str]) {
        for o in offices {
            self.trust(district, o);
            self.trust(o, district);
        }
    }

    /// Opens the ledger file directly, to tamper with it.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).expect("open the ledger with rusqlite")
    }
}

/// One way of running `ledger`: a clock and extra environment variables.
pub struct Runner<'a> {
    env: &'a TestEnv,
    now: String,
    vars: Vec<(String, String)>,
}

impl Runner<'_> {
    pub fn now(mut self, now: &str) -> Self {
        self.now = now.to_string();
        self
    }

    pub fn var(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.vars.push((
            key.to_string(),
            value.as_ref().to_string_lossy().into_owned(),
        ));
        self
    }

    /// The configured command, for tests that drive the process themselves.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.env_clear()
            .current_dir(self.env.dir())
            .env("LEDGER_NOW", &self.now)
            .env("LEDGER_USER", "test")
            .args(args);
        for (k, v) in &self.vars {
            c.env(k, v);
        }
        c
    }

    pub fn ledger(&self, args: &[&str]) -> Run {
        let out = self
            .command(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin()));
        Run {
            args: args.iter().map(|s| s.to_string()).collect(),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    pub fn list_ids(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["list", "--format", "json"];
        all.extend_from_slice(args);
        self.ledger(&all)
            .ok()
            .json()
            .as_array()
            .expect("list --format json is an array")
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn refuses(&self, args: &[&str], fragment: &str) -> Run {
        let before = self.env.snapshot();
        // Fragments are English; the Chinese sentences are tested in cli.rs.
        let mut vars = vec![("LEDGER_LANG".to_string(), "en".to_string())];
        vars.extend(self.vars.iter().cloned());
        let en = Runner {
            vars,
            now: self.now.clone(),
            ..*self
        };
        let r = en.ledger(args).refused();
        r.one_line_error();
        assert!(
            r.stderr.contains(fragment),
            "expected the refusal of {:?} to mention {fragment:?}, got: {}",
            r.args,
            r.stderr
        );
        before.assert_unchanged();
        r
    }
}

/// What a run of `ledger` printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "ledger {:?}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    fn no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("RUST_BACKTRACE"),
            "the binary panicked:\n{}",
            self.describe()
        );
    }

    /// Exit 0.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code, 0, "expected success:\n{}", self.describe());
        self
    }

    /// Exit 1: a refused or failed operation.
    #[track_caller]
    pub fn refused(self) -> Self {
        assert_eq!(
            self.code,
            1,
            "expected a refusal (exit 1):\n{}",
            self.describe()
        );
        self.no_panic();
        assert!(
            self.stderr.starts_with("error:"),
            "a refusal starts with 'error:':\n{}",
            self.describe()
        );
        self
    }

    /// Exit 2: a usage error.
    #[track_caller]
    pub fn usage(self) -> Self {
        assert_eq!(
            self.code,
            2,
            "expected a usage error (exit 2):\n{}",
            self.describe()
        );
        self.no_panic();
        self
    }

    /// The message is a single `error: ...` line (no backtrace, no dump).
    #[track_caller]
    pub fn one_line_error(&self) -> &Self {
        self.no_panic();
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "expected a one-line message:\n{}",
            self.describe()
        );
        self
    }

    /// stderr mentions `s`.
    #[track_caller]
    pub fn err_has(&self, s: &str) -> &Self {
        assert!(
            self.stderr.contains(s),
            "expected stderr to mention {s:?}:\n{}",
            self.describe()
        );
        self
    }

    /// stdout, parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.describe()))
    }
}

/// The raw bytes of a ledger file at one moment, to prove a refused command
/// wrote nothing.
pub struct Snapshot {
    path: PathBuf,
    bytes: Option<Vec<u8>>,
}

impl Snapshot {
    pub fn of(path: &Path) -> Snapshot {
        Snapshot {
            path: path.to_path_buf(),
            bytes: std::fs::read(path).ok(),
        }
    }

    #[track_caller]
    pub fn assert_unchanged(&self) {
        let now = std::fs::read(&self.path).ok();
        match (&self.bytes, &now) {
            (None, None) => {}
            (Some(_), None) => panic!("{} was removed", self.path.display()),
            (None, Some(_)) => panic!("{} was created", self.path.display()),
            (Some(a), Some(b)) => assert!(
                a == b,
                "{} changed ({} bytes before, {} after)",
                self.path.display(),
                a.len(),
                b.len()
            ),
        }
        let mut journal = self.path.clone().into_os_string();
        journal.push("-journal");
        assert!(
            !Path::new(&journal).exists(),
            "a rollback journal was left behind"
        );
    }
}
