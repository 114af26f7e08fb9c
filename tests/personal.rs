//! Personal data kept as close as the ledger (issue 13): every file the
//! tool writes that may hold a complainant's name, phone or address is the
//! owner's only, whatever the umask.

use crate::common::TestEnv;

/// Runs `ledger args` with `umask 000`, as a careless shell would.
#[cfg(unix)]
fn with_open_umask(env: &TestEnv, args: &[&str]) {
    use std::os::unix::process::CommandExt;
    let mut c = env.run().command(args);
    // SAFETY: umask is async-signal-safe and cannot fail.
    unsafe {
        c.pre_exec(|| {
            libc::umask(0);
            Ok(())
        });
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn every_file_kind_it_writes_is_the_owners_only_under_any_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let runs: &[&[&str]] = &[
        &["init", "--office", "S07", "--name", "建设路街道"],
        &[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--phone",
            "13812345678",
        ],
        &["export", "--out", "S07.csv"],
        &["backup", "--to", "copy.db"],
        &["list", "--format", "csv", "--out", "list.csv"],
        &["show", "S07-2026-0001", "--out", "show.txt"],
        &["report", "--out", "report.txt"],
        &[
            "add",
            "--from",
            "in.csv",
            "--profile",
            "hotline",
            "--rejects",
            "rejects.csv",
        ],
        &["demo", "--dir", "demo"],
    ];
    env.write("in.csv", "工单编号,来电时间,诉求内容\nB1,不是日期,停水\n");
    for args in runs {
        with_open_umask(&env, args);
    }
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for f in [
        "ledger.db",
        "S07.csv",
        "copy.db",
        "list.csv",
        "show.txt",
        "report.txt",
        "rejects.csv",
    ] {
        assert_eq!(mode(&env.dir().join(f)), 0o600, "{f}");
    }
    let demo = env.dir().join("demo");
    assert_eq!(mode(&demo), 0o700, "the demo folder");
    for e in std::fs::read_dir(&demo).unwrap() {
        let p = e.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}
