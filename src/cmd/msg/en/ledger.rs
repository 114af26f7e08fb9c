//! English: the core's errors (commands on cases, keys, files, the
//! exchange format and its merge).

use crate::domain::Outcome;
use crate::exchange::{BEGIN_KIND, FORMAT, FORMAT_V1, HEADER};
use crate::ledger::error::{Error, Refusal, What};
use crate::ledger::replay::{Problem, Table};

use super::rules::{event, role, rule, what};
use super::sqlite;

/// The sentence for one of the core's errors.
pub fn say(e: &Error) -> String {
    match e {
        Error::Refusal(r) => refusal(r),
        Error::AtLine { line, why } => format!("line {line}: {}", say(why)),
        Error::InFile { file, why } => match why.as_ref() {
            Error::AtLine { .. } => format!("{file}, {}", say(why)),
            _ => format!("{file}: {}", say(why)),
        },
        Error::NoLedger(path) => format!(
            "no ledger at {}: create one with `ledger init --office CODE --name NAME`, or point --db (or LEDGER_DB) at an existing file",
            path.display()
        ),
        Error::NotALedger { path, why } => {
            use crate::ledger::error::NotLedger as N;
            let why = match why {
                N::Folder => "it is a folder".to_string(),
                N::NotRegular => "it is not a regular file (a pipe or a device)".into(),
                N::NotSqlite => "it is not an SQLite database".into(),
                N::NoSchema => "it is an SQLite file without a ledger schema".into(),
                N::NoIdentity(k) => format!("its identity ('{k}') is missing"),
            };
            format!("{} is not a ledger file: {why}", path.display())
        }
        Error::TooNew {
            path,
            found,
            supported,
        } => format!(
            "{} has schema version {found}, newer than this ledger understands ({supported}): use a newer `ledger`",
            path.display()
        ),
        Error::Corrupt(why) => format!("the ledger file is damaged: {why}"),
        Error::Sqlite(r) => sqlite(r),
        Error::Json(j) => j.to_string(),
        Error::Io(io) => io.to_string(),
    }
}

fn outcome(o: &Option<Outcome>) -> &'static str {
    o.map_or("", |r| r.code())
}

/// The sentence for a refusal: a table, one arm a kind.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::NoSuchCase(id) => format!("no case {id} in this ledger (see `ledger list`)"),
        Refusal::UnknownProblem(code) => format!(
            "unknown problem code {code}: see `ledger catalog problems` (WY-01..16, YW-01..08, KF-01..05, ZN-01..19, QT-00)"
        ),
        Refusal::AlreadyRegistered {
            source,
            reference,
            id,
        } => format!(
            "{} reference {reference} is already registered as {id}: add a note to it instead (`ledger note {id} ...`)",
            source.code()
        ),
        Refusal::ReceivedInFuture { received, now } => format!(
            "the received time {received} is in the future (now is {now}): check --received"
        ),
        Refusal::ReceivedBad { received, why } => format!(
            "the received time {received}: {}: check --received",
            rule(why)
        ),
        Refusal::Empty(w) => empty(*w),
        Refusal::ClosedCannotAssign(id) => {
            format!("{id} is closed: reopen it first (`ledger reopen {id} --reason ...`)")
        }
        Refusal::UnknownUnit(typed) => format!(
            "unknown unit '{typed}': give a unit code or its exact name (see `ledger catalog units`; register a local one with `ledger unit add`)"
        ),
        Refusal::DefaultUnitMissing(code) => {
            format!("the default unit {code} is missing from this ledger")
        }
        Refusal::NoDefaultUnit { problem } => format!(
            "give --unit: {} has no default unit (usually JD 街道办事处 or ZJ 区物业办; see `ledger catalog units`)",
            problem.as_deref().unwrap_or("a case without a problem type")
        ),
        Refusal::DueBeforeReceived { id, due, received } => format!(
            "the due date {due} is before {id} was received ({received}): check --due"
        ),
        Refusal::ClosedCannotDefer(id) => format!(
            "{id} is closed: only an open, assigned or deferred case can be deferred"
        ),
        Refusal::UntilInPast(u) => {
            format!("--until {u} is in the past: give the date the plan should be done by")
        }
        Refusal::AlreadyClosed { id, result } => format!(
            "{id} is already closed ({}): reopen it first if it needs more work",
            outcome(result)
        ),
        Refusal::DuplicateNeedsCase => {
            "--result duplicate needs --duplicate-of CASE: the case this one repeats".into()
        }
        Refusal::DuplicateOfItself(id) => {
            format!("{id} cannot be a duplicate of itself: name the earlier case")
        }
        Refusal::DuplicateOfUnknown(d) => {
            format!("--duplicate-of {d}: no such case in this ledger")
        }
        Refusal::DuplicateOfWithoutResult(result) => format!(
            "--duplicate-of goes with --result duplicate (this close is {})",
            result.code()
        ),
        Refusal::NotReopenable { id, status } => format!(
            "{id} is {}: only a closed or deferred case can be reopened",
            status.code()
        ),
        Refusal::UnitCodeTaken { code, name } => format!("unit code {code} is taken by {name}"),
        Refusal::UnitNameTaken { name, code } => {
            format!("a unit named {name} exists already, as {code}")
        }
        Refusal::ProblemSubject { problem, of, given } => format!(
            "problem {problem} is a {} problem, not {}: pick a {1} code or leave --subject out",
            of.code(),
            given.code()
        ),
        Refusal::CaseProblemSubject {
            id,
            problem,
            of,
            given,
        } => format!(
            "{id} has problem {problem}, a {} problem: to make it {}, give a matching --problem too",
            of.code(),
            given.code()
        ),
        Refusal::LocalBreak { kind, why } => {
            format!("{kind} would not pass the exchange's rules: {}", rule(why))
        }
        // --- files and keys
        Refusal::NoFolder { path, dir } => format!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            dir.display()
        ),
        Refusal::FileExists(path) => {
            format!("{} exists already: give a new file name", path.display())
        }
        Refusal::CannotWrite { path, why } => format!("cannot write {}: {why}", path.display()),
        Refusal::CannotRead(why) => format!("cannot read it: {why}"),
        Refusal::NotAFileName(path) => format!("{} is not a file name", path.display()),
        Refusal::NotAFile(path) => format!(
            "{} is not a regular file (a device or a folder): give a file name to write",
            path.display()
        ),
        Refusal::WouldOverwriteLedger(path) => format!(
            "{} is a ledger (SQLite) file: it is not written over; give another file name",
            path.display()
        ),
        Refusal::CannotMove { path, why } => {
            format!("cannot move the export to {}: {why}", path.display())
        }
        Refusal::LedgerExists(path) => format!(
            "{} already exists: a ledger is created once (to start over, move the old file away first)",
            path.display()
        ),
        Refusal::RestoreTargetExists(path) => format!(
            "{} already exists: restore into a new file (move the damaged one away first)",
            path.display()
        ),
        Refusal::NotUtf8Path(path) => format!("{} is not a UTF-8 path", path.display()),
        Refusal::RestoreNoBegin => "the file does not begin with the row naming who wrote it".into(),
        Refusal::RestoreFromOffice { code, name } => format!(
            "the file comes from {code} {name}, a street office: restore from the district's export"
        ),
        Refusal::RestoreNothingOf(code) => format!(
            "the file holds nothing of office {code} (its first event, office.init, is missing): nothing to restore"
        ),
        Refusal::TrustOwnCode(code) => format!(
            "{code} is this ledger's own code: register the key of the ledger whose files you merge"
        ),
        Refusal::TrustSecondDistrict(other) => format!(
            "this street office already takes files from its district {other}: an office merges only its district's files"
        ),
        Refusal::KeyHeld { code, key } => format!(
            "{code} already has a key registered here ({key}): if {code} made its ledger anew, run `ledger trust {code} KEY --replace`"
        ),
        // --- merging
        Refusal::SecondBegin => {
            "a second export.begin row: the file was put together by hand".into()
        }
        Refusal::RoleMismatch { code, theirs, ours } => format!(
            "the file says it comes from {code} as {}, but this ledger is {code} as {}",
            role(*theirs),
            role(*ours)
        ),
        Refusal::KeyUnknown { code, name, key } => format!(
            "it comes from {code} {name}, whose key is not registered here: ask {code} to read out what `ledger key` prints there, then run `ledger trust {code} KEY` (this file gives the key {key})"
        ),
        Refusal::WrongRole {
            code,
            name,
            theirs,
            ours,
        } => format!(
            "it comes from {code} {name}, {}, and this ledger is {}: a street office takes its district's files, a district its offices'",
            role(*theirs),
            role(*ours)
        ),
        Refusal::KeyMismatch { code, key } => format!(
            "it says it comes from {code}, but not with the key registered here for {code} ({key}): it was not written by {code}'s ledger, or {code} made its ledger anew (then register its new key with `ledger trust {code} KEY --replace`)"
        ),
        Refusal::EndWithoutBegin => "an end row without a begin row".into(),
        Refusal::BadSignature(code) => format!(
            "the signature does not verify with {code}'s key: the file was altered, or not written by {code}'s ledger"
        ),
        Refusal::RunBroken {
            origin,
            count,
            min,
            max,
        } => format!(
            "the events of {origin} in it are not one unbroken run ({count} events between {origin}/{min} and {origin}/{max}): rows were removed or added by hand"
        ),
        Refusal::RunGap {
            origin,
            min,
            held_max,
        } => format!(
            "its events of {origin} start at {origin}/{min}, but this ledger holds {origin}'s only up to {origin}/{held_max}: a file between them is missing; merge that first, or a full export (`ledger export` without --since)"
        ),
        Refusal::NoBegin => "the file does not say who wrote it (no export.begin row)".into(),
        Refusal::NoEnd => "the file ends without its end row: it was cut short".into(),
        Refusal::EventBreaks { event: e, why } => format!("{}: {}", event(e), rule(why)),
        Refusal::CaseIdUnreadable { origin, seq, why } => {
            format!("event {origin}/{seq}: {}", super::invalid::say(why))
        }
        Refusal::Rewrites { origin, seq } => format!(
            "event {origin}/{seq} is already held here with different content: the file rewrites history this ledger holds"
        ),
        Refusal::RepeatedInFile { origin, seq } => format!(
            "event {origin}/{seq} is in the file twice (a row copied in a spreadsheet?): nothing was merged; export the file again from the ledger instead of editing it"
        ),
        Refusal::NumberTwiceInFile { origin, seq } => format!(
            "two different events in the file carry the number {origin}/{seq}: the file was put together by hand; nothing was merged; export it again from the ledger"
        ),
        Refusal::NotExportersOwn { event: e, exporter } => format!(
            "{} is not {exporter}'s own and is not held here: a street office's file brings new events of that office only",
            event(e)
        ),
        Refusal::OthersCase {
            origin,
            seq,
            case_id,
            office,
        } => format!(
            "event {origin}/{seq} is on case {case_id} of office {office}: an office writes only on its own cases"
        ),
        Refusal::RegistersOthersCase {
            origin,
            seq,
            case_id,
            office,
        } => format!(
            "event {origin}/{seq} registers case {case_id} of office {office}: only a case's own office registers it"
        ),
        Refusal::MakesDistrict { origin, seq } => format!(
            "event {origin}/{seq} makes {origin} a district, which this ledger does not take it for: no file makes a district"
        ),
        Refusal::CodeClash { code, ours, theirs } => format!(
            "office code {code} is already {ours} here, but this file's office {theirs} also calls itself {code}: every office needs its own code (re-create that office's ledger with another `init --office`)"
        ),
        Refusal::DuplicateOfMissing(target) => {
            format!("a case is closed as a duplicate of {target}, which does not exist")
        }
        // --- reading an exchange file
        Refusal::EmptyFile => "the file is empty: not an exchange file".into(),
        Refusal::NotExchange { found } => format!(
            "not a ledger exchange file: line 1 should be the header `{}`, found `{found}`",
            HEADER.join(",")
        ),
        Refusal::RowsAfterEnd => "rows after the export's end row".into(),
        Refusal::FieldCount { found, expected } => format!(
            "{found} fields where {expected} are expected: the file was cut short or edited"
        ),
        Refusal::FormatV1 => format!(
            "it was written by an older `ledger` (format {FORMAT_V1}, unsigned), which this ledger no longer takes: upgrade `ledger` where it was exported, register that ledger's key here (`ledger key` there, `ledger trust CODE KEY` here) and export again"
        ),
        Refusal::FormatNewer(format) => format!(
            "format {format} is newer than this ledger reads ({FORMAT}): use a newer `ledger`"
        ),
        Refusal::FormatColumn(found) => {
            format!("the format column holds '{found}', expected {FORMAT}")
        }
        Refusal::NotANumber { column, value } => format!(
            "{column} '{value}' is not a whole number (a spreadsheet may have rewritten it)"
        ),
        Refusal::FirstNotBegin => format!(
            "the first row should be the {BEGIN_KIND} row that names who wrote the file"
        ),
        Refusal::BeginPayload => "the begin row's payload is not what an export writes".into(),
        Refusal::EndCount { counted, held } => format!(
            "the end row counts {counted} events but the file holds {held}: rows were removed or added"
        ),
        Refusal::Digest => "the end row's digest does not match the events: rows were altered, reordered or replaced".into(),
        Refusal::EndPayload => "the end row's payload is not what an export writes".into(),
        Refusal::HashMismatch(e) => format!(
            "event {}/{} ({}{}) does not match its hash: the row was altered after export (by hand, or by a spreadsheet re-saving dates or numbers)",
            e.origin,
            e.seq,
            e.kind,
            e.case_id
                .as_deref()
                .map(|c| format!(" on {c}"))
                .unwrap_or_default()
        ),
        Refusal::NotUtf8 => {
            "the file is not UTF-8 (was it re-saved by a spreadsheet in another encoding?)".into()
        }
        Refusal::Csv(why) => why.clone(),
        Refusal::LineTooLong { max } => format!(
            "a line longer than {} MiB: not an exchange file (an export's lines are a few kilobytes); nothing was merged",
            max >> 20
        ),
        Refusal::CutShort { events } => format!(
            "the file ends without its end row after {events} events: it was cut short (copy it again)"
        ),
        Refusal::Sweep(r) => super::sweep::refusal(r),
        Refusal::Loop(r) => super::units_loop::refusal(r),
        Refusal::Campaign(r) => super::campaign::refused(r),
    }
}

/// A value a command was given empty.
fn empty(w: What) -> String {
    match w {
        What::Community => {
            "--community must not be empty: name the residential community (小区)".into()
        }
        What::Summary => "--summary must not be empty: say in a line what the complaint is".into(),
        What::WorkPlan => "a deferred case needs a work plan: give --plan TEXT".into(),
        What::Resolution => {
            "closing needs a resolution: give --resolution TEXT saying how it was handled".into()
        }
        What::Reason => "reopening needs a reason: give --reason TEXT".into(),
        What::Note => "a note must not be empty".into(),
        What::UnitName => "the unit name must not be empty".into(),
        What::OfficeName => "the office name must not be empty, e.g. --name 建设路街道".into(),
        w => format!("{} must not be empty", what(w)),
    }
}

/// What `check` found wrong with a file.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::Integrity(why) => format!("SQLite integrity check: {why}"),
        Problem::ForeignKey(table) => format!("a row of table {table} breaks a foreign key"),
        Problem::Hash { origin, seq } => format!(
            "event {origin}/{seq} does not match its hash: it was altered after it was written"
        ),
        Problem::Unreadable(why) => why.clone(),
        Problem::BreaksRules { event: e, why, own } => format!(
            "{} breaks today's rules: {}. An earlier version let it in, and no district or office will take a file that carries it: {}",
            event(e),
            rule(why),
            if *own {
                "keep this file as it is, and make the office's ledger anew from the district's latest export (`ledger init --office CODE --restore FILE --trust KEY`), then register again what the district did not have"
            } else {
                "keep this file as it is and ask for help; the files this ledger exports will be refused until it is rebuilt from files that pass"
            }
        ),
        Problem::Clock { kept, max } => {
            format!("the kept clock is {kept} but the largest clock in the log is {max}")
        }
        Problem::TableDiffers {
            table,
            in_table,
            in_log,
        } => format!(
            "{} from the log: table {in_table}, log {in_log}",
            match table {
                Table::Offices => "the offices table differs",
                Table::Units => "the local units differ",
                Table::Trust => "the trusted keys differ",
            }
        ),
        Problem::OnlyInLog(id) => format!("case {id} is in the log but not in the table"),
        Problem::OnlyInTable(id) => format!("case {id} is in the table but not in the log"),
        Problem::CaseDiffers {
            id,
            in_table,
            in_log,
        } => format!("case {id}: the table has {in_table} but replaying the log gives {in_log}"),
        Problem::Differs(id) => format!("case {id} differs from its replay"),
    }
}
