//! Issue 3: offices and a district doing random work and random exchanges
//! in random order converge to the same ledgers (in the style of
//! taskchampion's syncing proptest). Drives the library directly: a
//! thousand processes per case would make the property too slow to run.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use ledger::domain::{CaseId, OfficeCode, Outcome, Source};
use ledger::exchange::{self, Reader};
use ledger::ledger::campaign::{calendar, community};
use ledger::ledger::ops::{Assignment, Due, NewCase};
use ledger::ledger::query::CaseFilter;
use ledger::ledger::sweep::ops::{Edit, Part};
use ledger::ledger::{CaseState, Ledger, Stamp};

const OFFICES: [&str; 3] = ["S01", "S02", "S03"];
/// Replica index of the district file.
const DISTRICT: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    Add(usize),
    Assign(usize, usize, bool),
    Defer(usize, usize),
    Close(usize, usize, u8),
    Reopen(usize, usize),
    Note(usize, usize),
    Sync(usize, usize),
    // Issue 14, the sweep.
    Edit(usize, usize, u8),
    Link(usize, usize, usize),
    Split(usize, usize),
    // The units' loop (issue 15).
    Ack(usize, usize),
    Return(usize, usize),
    Extend(usize, usize, u8),
    Supervise(usize, usize),
    Visit(usize, usize, u8),
    /// Issue 16: register a community (or add an alias), set a phase.
    Community(usize, u8),
    Phase(usize, u8),
    /// A patrol case with its patrol record (case.patrol).
    Patrol(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let replica = 0..4usize;
    let office = 0..3usize;
    let case = 0..50usize;
    prop_oneof![
        3 => office.clone().prop_map(Op::Add),
        2 => (replica.clone(), case.clone(), any::<bool>()).prop_map(|(r, c, z)| Op::Assign(r, c, z)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Defer(r, c)),
        2 => (replica.clone(), case.clone(), 0..3u8).prop_map(|(r, c, o)| Op::Close(r, c, o)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Reopen(r, c)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Note(r, c)),
        3 => (replica.clone(), replica.clone()).prop_map(|(a, b)| Op::Sync(a, b)),
        1 => (replica.clone(), case.clone(), 0..4u8).prop_map(|(r, c, f)| Op::Edit(r, c, f)),
        1 => (replica.clone(), case.clone(), case.clone()).prop_map(|(r, a, b)| Op::Link(r, a, b)),
        1 => (office, case.clone()).prop_map(|(o, c)| Op::Split(o, c)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Ack(r, c)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Return(r, c)),
        1 => (replica.clone(), case.clone(), 0..3u8).prop_map(|(r, c, x)| Op::Extend(r, c, x)),
        1 => (replica.clone(), case.clone()).prop_map(|(r, c)| Op::Supervise(r, c)),
        1 => (replica, case, 0..4u8).prop_map(|(r, c, v)| Op::Visit(r, c, v)),
        1 => (0..4usize, 0..4u8).prop_map(|(r, n)| Op::Community(r, n)),
        1 => (0..4usize, 0..4u8).prop_map(|(r, n)| Op::Phase(r, n)),
        1 => (0..3usize).prop_map(Op::Patrol),
    ]
}

/// One of four corrections `edit` makes.
fn edit(f: u8) -> Edit {
    match f {
        0 => Edit {
            community: Some("阳光花园".into()),
            ..Edit::default()
        },
        1 => Edit {
            summary: Some("物业停水三天".into()),
            key: Some(true),
            ..Edit::default()
        },
        2 => Edit {
            problem: Some("WY-06".parse().unwrap()),
            party: Some("鑫源物业".into()),
            ..Edit::default()
        },
        _ => Edit {
            address: Some("3号楼".into()),
            ..Edit::default()
        },
    }
}

fn part(summary: &str) -> Part {
    Part {
        summary: summary.into(),
        suggested: Some("WY-02".parse().unwrap()),
    }
}

/// The complaint a patrol registers (issue 16).
fn patrol_case() -> NewCase {
    NewCase {
        received: None,
        source: Source::Patrol,
        source_ref: None,
        community: "幸福里小区".into(),
        address: None,
        summary: "物业停水".into(),
        details: None,
        complainant: Some("张三".into()),
        phone: None,
        subject: None,
        problem: None,
        party: None,
        key: false,
        problem_suggested: false,
    }
}

struct World {
    _dir: tempfile::TempDir,
    replicas: Vec<Ledger>,
    now: DateTime<FixedOffset>,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-09-01T09:00:00+08:00").unwrap();
        let stamp = Stamp {
            now,
            actor: "p".into(),
        };
        let mut replicas = Vec::new();
        for (i, code) in OFFICES.iter().chain(&["D"]).enumerate() {
            let code: OfficeCode = code.parse().unwrap();
            let path = dir.path().join(format!("{code}.db"));
            replicas.push(
                Ledger::create(&path, &code, &format!("办事处{i}"), i == DISTRICT, &stamp).unwrap(),
            );
        }
        // Each office registers the district's key, the district each
        // office's (issue 10: every file is signed and checked).
        let district_key = replicas[DISTRICT].public_key().unwrap();
        for o in 0..OFFICES.len() {
            let key = replicas[o].public_key().unwrap();
            replicas[o]
                .write(&stamp, |w| w.trust("D", &district_key, false))
                .unwrap();
            replicas[DISTRICT]
                .write(&stamp, |w| w.trust(OFFICES[o], &key, false))
                .unwrap();
        }
        World {
            _dir: dir,
            replicas,
            now,
        }
    }

    fn stamp(&mut self) -> Stamp {
        self.now += Duration::minutes(7);
        Stamp {
            now: self.now,
            actor: "p".into(),
        }
    }

    fn cases(&self, r: usize, office: Option<&str>) -> Vec<CaseState> {
        let filter = CaseFilter {
            office: office.map(str::to_string),
            ..CaseFilter::default()
        };
        let mut out = Vec::new();
        self.replicas[r]
            .each_case(&filter, "2026-12-31", |c| {
                out.push(c);
                Ok(())
            })
            .unwrap();
        out
    }

    fn pick(&self, r: usize, i: usize) -> Option<CaseId> {
        let cases = self.cases(r, None);
        (!cases.is_empty()).then(|| cases[i % cases.len()].id.parse().unwrap())
    }

    fn export(&self, r: usize) -> Vec<u8> {
        let mut buf = Vec::new();
        exchange::export(&self.replicas[r], &mut buf, None).unwrap();
        buf
    }

    /// Honest exchanges (an office and its district, either way) are
    /// never refused. Offices do not take each other's files.
    fn sync(&mut self, from: usize, to: usize) {
        if from == to || (from != DISTRICT && to != DISTRICT) {
            return;
        }
        let buf = self.export(from);
        let reader = Reader::new("x.csv", &buf[..]).unwrap();
        self.replicas[to]
            .merge(reader, ledger::ledger::Then::Commit, &mut |_| {})
            .unwrap_or_else(|e| panic!("merging {from} into {to} was refused: {e}"));
    }

    /// Applies an operation; refusals (impossible transitions) write nothing
    /// and are part of the game.
    fn apply(&mut self, op: &Op) {
        let stamp = self.stamp();
        let _ = match op.clone() {
            Op::Add(o) => self.replicas[o]
                .write(&stamp, |w| {
                    w.add_case(NewCase {
                        received: None,
                        source: Source::Hotline,
                        source_ref: None,
                        community: "幸福里小区".into(),
                        address: None,
                        summary: "物业停水".into(),
                        details: None,
                        complainant: Some("张三".into()),
                        phone: None,
                        subject: None,
                        problem: None,
                        party: None,
                        key: false,
                        problem_suggested: false,
                    })
                })
                .map(|_| ()),
            Op::Assign(r, c, zj) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => self.replicas[r]
                    .write(&stamp, |w| {
                        w.assign(
                            &id,
                            Assignment {
                                unit: Some(if zj { "ZJ" } else { "JD" }.into()),
                                due: Due::Days(3),
                                subject: None,
                                problem: Some("WY-02".parse().unwrap()),
                                party: None,
                                note: None,
                                co_units: if zj { vec!["GA".into()] } else { Vec::new() },
                            },
                        )
                    })
                    .map(|_| ()),
            },
            Op::Defer(r, c) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => self.replicas[r]
                    .write(&stamp, |w| w.defer(&id, "计划", None))
                    .map(|_| ()),
            },
            Op::Close(r, c, o) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => {
                    let outcome =
                        [Outcome::Resolved, Outcome::Unfounded, Outcome::OutOfScope][o as usize];
                    self.replicas[r]
                        .write(&stamp, |w| w.close(&id, outcome, "办结", None))
                        .map(|_| ())
                }
            },
            Op::Reopen(r, c) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => self.replicas[r]
                    .write(&stamp, |w| w.reopen(&id, "复发"))
                    .map(|_| ()),
            },
            Op::Note(r, c) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => self.replicas[r]
                    .write(&stamp, |w| w.note(&id, "跟进"))
                    .map(|_| ()),
            },
            Op::Sync(a, b) => {
                self.sync(a, b);
                Ok(())
            }
            Op::Edit(r, c, f) => match self.pick(r, c) {
                None => Ok(()),
                Some(id) => self.replicas[r]
                    .write(&stamp, |w| w.edit(&id, edit(f)))
                    .map(|_| ()),
            },
            Op::Link(r, a, b) => match (self.pick(r, a), self.pick(r, b)) {
                (Some(a), Some(b)) => self.replicas[r].write(&stamp, |w| w.link(&a, &b)),
                _ => Ok(()),
            },
            Op::Split(o, c) => match self.pick(o, c) {
                None => Ok(()),
                Some(id) => self.replicas[o]
                    .write(&stamp, |w| w.split(&id, vec![part("停水"), part("电梯")]))
                    .map(|_| ()),
            },
            Op::Community(r, n) => self.community(r, n, &stamp),
            Op::Patrol(o) => self.replicas[o].write(&stamp, |w| {
                let id = w.add_case(patrol_case())?;
                ledger::ledger::campaign::patrol::record(
                    w,
                    &id,
                    ledger::ledger::event::CasePatrol {
                        found_by: Some("王五".into()),
                        dissuasion: Some("劝阻无效".into()),
                        ..Default::default()
                    },
                )
            }),
            Op::Phase(r, n) => {
                let cal = self.replicas[r].calendar().unwrap();
                let phase = ledger::domain::Phase::ALL[n as usize];
                let from = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
                    + chrono::Days::new(u64::from(n) * 30);
                self.replicas[r].write(&stamp, |w| {
                    calendar::set_phase(w, &cal, phase, from, from + chrono::Days::new(29))
                })
            }
            op => self.apply_loop(op, &stamp),
        };
    }

    /// Registers a community, or (if its name is taken) adds an alias.
    fn community(&mut self, r: usize, n: u8, stamp: &Stamp) -> ledger::ledger::Result<()> {
        let reg = self.replicas[r].communities().unwrap();
        let name = ["幸福里小区", "阳光花园"][usize::from(n % 2)];
        self.replicas[r].write(stamp, |w| {
            community::add(
                w,
                &reg,
                community::NewCommunity {
                    name: name.into(),
                    aliases: vec![format!("{name}{n}")],
                    demonstration: n > 1,
                    ..Default::default()
                },
            )
            .or_else(|_| {
                community::set(
                    w,
                    &reg,
                    community::Change {
                        name: name.into(),
                        aliases: vec![format!("别名{n}")],
                        ..Default::default()
                    },
                )
                .map(|_| ())
            })
        })
    }
}

impl World {
    /// The units' loop's operations; refusals are part of the game too (a
    /// district answering for an office's unit is one).
    fn apply_loop(&mut self, op: Op, stamp: &Stamp) -> ledger::ledger::Result<()> {
        use ledger::domain::Satisfaction;
        use ledger::ledger::units_loop::Extension;
        let (r, c) = match op {
            Op::Ack(r, c)
            | Op::Return(r, c)
            | Op::Extend(r, c, _)
            | Op::Supervise(r, c)
            | Op::Visit(r, c, _) => (r, c),
            _ => return Ok(()),
        };
        let Some(id) = self.pick(r, c) else {
            return Ok(());
        };
        let until = (self.now.date_naive() + Duration::days(30)).to_string();
        self.replicas[r]
            .write(stamp, |w| match op {
                Op::Ack(..) => w.ack(&id, Some("李四")),
                Op::Return(..) => w.return_case(&id, "不属本单位"),
                Op::Extend(_, _, 0) => w.extend(
                    &id,
                    Extension::Ask {
                        until: until.parse().unwrap(),
                        reason: "需协调".into(),
                    },
                ),
                Op::Extend(_, _, 1) => w.extend(&id, Extension::Approve { reason: None }),
                Op::Extend(..) => w.extend(
                    &id,
                    Extension::Refuse {
                        reason: "可以按期办结".into(),
                    },
                ),
                Op::Supervise(..) => w.supervise(&id, "督办", None),
                Op::Visit(_, _, v) => {
                    let s = [
                        Satisfaction::Satisfied,
                        Satisfaction::Basic,
                        Satisfaction::Dissatisfied,
                        Satisfaction::Dissatisfied,
                    ][v as usize];
                    w.visit(&id, s, Some("回访"), v == 3)
                }
                _ => unreachable!("only the loop's operations come here"),
            })
            .map(|_| ())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn offices_and_district_converge(ops in proptest::collection::vec(op(), 1..60)) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        // Full exchange: every office up, the district down, every office up.
        for o in 0..3 { w.sync(o, DISTRICT); }
        for o in 0..3 { w.sync(DISTRICT, o); }
        for o in 0..3 { w.sync(o, DISTRICT); }
        for (o, code) in OFFICES.iter().enumerate() {
            prop_assert_eq!(w.cases(o, None), w.cases(DISTRICT, Some(code)), "office {}", code);
            prop_assert!(w.replicas[o].check().unwrap().problem.is_none());
        }
        prop_assert!(w.replicas[DISTRICT].check().unwrap().problem.is_none());
        // Issue 16: an office holds its own register and the district's,
        // as the district holds them; the district's calendar is theirs.
        let at_district = w.replicas[DISTRICT].communities().unwrap().list;
        let district_cal = w.replicas[DISTRICT].calendar().unwrap();
        for (o, code) in OFFICES.iter().enumerate() {
            let mine: Vec<_> = at_district.iter().filter(|c| c.office == *code || c.office == "D").cloned().collect();
            prop_assert_eq!(&w.replicas[o].communities().unwrap().list, &mine, "office {}", code);
            let cal = w.replicas[o].calendar().unwrap();
            for p in &district_cal.phases {
                prop_assert!(cal.phases.contains(p), "office {} lacks {:?}", code, p);
            }
        }

        // An office that lost its file restores it from the district's
        // export, signed and checked, to exactly what it had.
        let dir = tempfile::tempdir().unwrap();
        let stamp = Stamp { now: w.now, actor: "p".into() };
        let district = w.export(DISTRICT);
        let key = w.replicas[DISTRICT].public_key().unwrap();
        for (o, code) in OFFICES.iter().enumerate() {
            let path = dir.path().join(format!("{code}.db"));
            let reader = Reader::new("D.csv", &district[..]).unwrap();
            let (restored, _) = Ledger::restore(&path, &code.parse().unwrap(), reader, &key, &stamp).unwrap();
            let mut got = Vec::new();
            restored.each_case(&CaseFilter::default(), "2026-12-31", |c| { got.push(c); Ok(()) }).unwrap();
            prop_assert_eq!(got, w.cases(o, None), "office {} restored", code);
        }
    }
}
