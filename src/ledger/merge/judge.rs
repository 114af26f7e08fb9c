//! Who may write what: the rules the receiver applies to each incoming
//! event, whatever the file says.

use super::stream::Exporter;
use crate::ledger::OfficeInfo;
use crate::ledger::error::{EventRef, Refusal};
use crate::ledger::event::{Event, EventRecord};
use crate::ledger::units_loop::LoopStep;
use crate::ledger::units_loop::error::LoopRefusal;

/// What to do with one incoming event.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    New,
    Known,
    Skip,
    Refuse(Refusal),
}

/// Facts about an incoming event that the rules look at.
#[derive(Debug)]
pub struct Facts<'a> {
    pub rec: &'a EventRecord,
    /// The event, if its payload parsed.
    pub event: Option<&'a Event>,
    /// The hash this ledger holds for (origin, seq), if any.
    pub held_hash: Option<&'a str>,
    /// The office the event's case belongs to (from the case id).
    pub case_office: Option<&'a str>,
    /// Whether the event's origin is a district: the receiver itself if it
    /// is one, or the exporter if this ledger trusts it as its district.
    pub origin_is_district: bool,
    /// Who wrote the file (its seal is checked at the end).
    pub exporter: &'a Exporter,
    /// The receiving ledger.
    pub receiver: &'a OfficeInfo,
}

/// Every merge rule, in the order they are tried:
///
/// | # | the incoming event …                                           | verdict |
/// |---|----------------------------------------------------------------|---------|
/// | 1 | is held here with the same hash                                | Known: nothing to do (idempotence) |
/// | 2 | is held here with a different hash                             | Refuse: the file rewrites history this ledger holds |
/// | 3 | is not the exporter's own, and the exporter is a street office | Refuse: an office's file brings new events of its own only (it relays what it received, which is held here) |
/// | 4 | is on a case of another office, and its origin is not a district | Refuse: an office writes only on its own cases |
/// | 5 | registers a case (case.add) of another office than its origin  | Refuse: only a case's own office registers it |
/// | 5a | is a unit's answer or a call-back (case.ack, .return, .extend, .extend.decision, .visit) on a case of another office than its origin | Refuse: the office that forwarded the case records them; a district supervises (case.supervise) and notes |
/// | 6 | is an office.init claiming a district, and its origin is not one | Refuse: no file makes a district |
/// | 7 | arrives at an office ledger, about another office's case       | Skip: an office keeps its own cases only |
/// | 8 | arrives at an office ledger, is not a case event nor a unit.add, and its origin is neither a district nor the office itself | Skip |
/// | 9 | otherwise                                                      | New: checked by the content rules, then inserted |
///
/// The campaign's events (issue 16) need no rule of their own: a
/// `community.*` event is its origin's register, so rule 9 takes an
/// office's register to the district (which sees every office's) and rule
/// 8 keeps it from other offices, while the district's own register and
/// its `campaign.*` calendar reach every office. An office's `campaign.*`
/// events reach the district too, but count nothing there
/// (`campaign::calendar`: only the district speaks for the district).
///
/// An event in the receiver's own name that it does not hold, relayed by
/// its district, is new: that is an office restoring what it lost with a
/// damaged file (`init --restore`).
///
/// Around the events: the file's first row names its exporter, whose key
/// must be registered here (`ledger trust`) and whose role must be the
/// other side's (an office takes its district's files, a district its
/// offices'); its last row's signature must verify with that key. Each
/// origin the file holds completely (the exporter's own; every origin in a
/// district's file) must be one unbroken run of sequence numbers that
/// continues what this ledger holds when it keeps all of that origin's
/// events. A duplicate close must name a case that exists wherever that
/// case's office's cases are kept.
pub fn judge(f: &Facts) -> Verdict {
    let r = f.rec;
    match f.held_hash {
        Some(h) if h == r.hash => return Verdict::Known,
        Some(_) => {
            return Verdict::Refuse(Refusal::Rewrites {
                origin: r.origin.clone(),
                seq: r.seq,
            });
        }
        None => {}
    }
    if r.origin != f.exporter.code && !f.exporter.district {
        return Verdict::Refuse(Refusal::NotExportersOwn {
            event: EventRef::of(r),
            exporter: f.exporter.code.clone(),
        });
    }
    if let Some(office) = f.case_office
        && office != r.origin
    {
        if !f.origin_is_district {
            return Verdict::Refuse(Refusal::OthersCase {
                origin: r.origin.clone(),
                seq: r.seq,
                case_id: r.case_id.clone().unwrap_or_default(),
                office: office.to_string(),
            });
        }
        if matches!(f.event, Some(Event::CaseAdd(_))) {
            return Verdict::Refuse(Refusal::RegistersOthersCase {
                origin: r.origin.clone(),
                seq: r.seq,
                case_id: r.case_id.clone().unwrap_or_default(),
                office: office.to_string(),
            });
        }
        if f.event
            .and_then(LoopStep::of)
            .is_some_and(LoopStep::owners_only)
        {
            return Verdict::Refuse(Refusal::Loop(LoopRefusal::OthersCaseInFile {
                origin: r.origin.clone(),
                seq: r.seq,
                kind: r.kind.clone(),
                case_id: r.case_id.clone().unwrap_or_default(),
            }));
        }
    }
    if let Some(Event::OfficeInit(o)) = f.event
        && o.district
        && !f.origin_is_district
    {
        return Verdict::Refuse(Refusal::MakesDistrict {
            origin: r.origin.clone(),
            seq: r.seq,
        });
    }
    if !f.receiver.district {
        match f.case_office {
            Some(office) if office != f.receiver.code => return Verdict::Skip,
            None if !f.origin_is_district
                && r.origin != f.receiver.code
                && !matches!(f.event, Some(Event::UnitAdd(_))) =>
            {
                return Verdict::Skip;
            }
            _ => {}
        }
    }
    Verdict::New
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::event::{CaseAdd, CaseNote, OfficeInit, UnitAdd};

    fn rec(origin: &str, case_id: Option<&str>) -> EventRecord {
        EventRecord {
            origin: origin.into(),
            seq: 5,
            clock: 9,
            at: "2026-11-26T10:00:00+08:00".into(),
            actor: String::new(),
            kind: if case_id.is_some() {
                "case.note"
            } else {
                "unit.add"
            }
            .into(),
            case_id: case_id.map(Into::into),
            payload: "{}".into(),
            hash: "h".into(),
        }
    }

    fn office(code: &str, district: bool) -> OfficeInfo {
        OfficeInfo {
            code: code.into(),
            name: String::new(),
            district,
        }
    }

    fn exporter(code: &str, district: bool) -> Exporter {
        Exporter {
            code: code.into(),
            name: String::new(),
            district,
            key: String::new(),
            since: 0,
        }
    }

    fn note() -> Event {
        Event::CaseNote(CaseNote { text: "x".into() })
    }

    fn unit() -> Event {
        Event::UnitAdd(UnitAdd {
            code: "SQ".into(),
            name: "x".into(),
        })
    }

    /// The verdict on an event of `origin` (on case `case_id`, payload
    /// `ev`) in a file from `from`, at `receiver`, holding `held`.
    fn verdict(
        (origin, case_id): (&str, Option<&str>),
        ev: &Event,
        held: Option<&str>,
        (from, from_district): (&str, bool),
        (at, at_district): (&str, bool),
    ) -> Verdict {
        verdict_on(
            &rec(origin, case_id),
            ev,
            held,
            &exporter(from, from_district),
            &office(at, at_district),
        )
    }

    /// The verdict on `r` (whose payload is `ev`) in a file from `from`,
    /// at `receiver`, holding `held`.
    fn verdict_on(
        r: &EventRecord,
        ev: &Event,
        held: Option<&str>,
        from: &Exporter,
        receiver: &OfficeInfo,
    ) -> Verdict {
        let case_office = r
            .case_id
            .as_deref()
            .map(|c| c.split('-').next().unwrap().to_string());
        judge(&Facts {
            rec: r,
            event: Some(ev),
            held_hash: held,
            case_office: case_office.as_deref(),
            origin_is_district: (r.origin == receiver.code && receiver.district)
                || (r.origin == from.code && from.district),
            exporter: from,
            receiver,
        })
    }

    #[test]
    fn rule_1_a_held_identical_event_is_known() {
        let v = verdict(
            ("S01", Some("S01-2026-0001")),
            &note(),
            Some("h"),
            ("S01", false),
            ("D", true),
        );
        assert_eq!(v, Verdict::Known);
        // Even a district event relayed by an office, once held.
        let v = verdict(
            ("D", Some("S01-2026-0001")),
            &note(),
            Some("h"),
            ("S01", false),
            ("D", true),
        );
        assert_eq!(v, Verdict::Known);
    }

    #[test]
    fn rule_2_a_held_event_with_other_content_is_refused() {
        let v = verdict(
            ("S01", Some("S01-2026-0001")),
            &note(),
            Some("other"),
            ("S01", false),
            ("D", true),
        );
        assert!(matches!(v, Verdict::Refuse(Refusal::Rewrites { .. })));
    }

    #[test]
    fn rule_3_an_office_file_brings_no_new_event_of_another_origin() {
        // A clerk's forged event in the district's name (issue 10).
        let v = verdict(
            ("D", Some("S01-2026-0001")),
            &note(),
            None,
            ("S01", false),
            ("D", true),
        );
        assert!(matches!(
            v,
            Verdict::Refuse(Refusal::NotExportersOwn { .. })
        ));
        let v = verdict(("S02", None), &unit(), None, ("S01", false), ("D", true));
        assert!(matches!(v, Verdict::Refuse(_)));
    }

    #[test]
    fn rule_4_an_office_writing_on_another_offices_case_is_refused() {
        let v = verdict(
            ("S02", Some("S01-2026-0001")),
            &note(),
            None,
            ("S02", false),
            ("D", true),
        );
        assert!(matches!(v, Verdict::Refuse(Refusal::OthersCase { .. })));
        // A district may.
        let v = verdict(
            ("D", Some("S01-2026-0001")),
            &note(),
            None,
            ("D", true),
            ("S01", false),
        );
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_5_only_a_cases_own_office_registers_it() {
        let r = rec("D", Some("S01-2026-0001"));
        let add = Event::CaseAdd(CaseAdd::sample());
        let v = verdict_on(&r, &add, None, &exporter("D", true), &office("S01", false));
        assert!(matches!(
            v,
            Verdict::Refuse(Refusal::RegistersOthersCase { .. })
        ));
    }

    #[test]
    fn rule_6_no_file_makes_a_district() {
        let r = rec("S01", None);
        let init = Event::OfficeInit(OfficeInit {
            name: "x".into(),
            district: true,
        });
        let v = verdict_on(&r, &init, None, &exporter("S01", false), &office("D", true));
        assert!(matches!(v, Verdict::Refuse(Refusal::MakesDistrict { .. })));
        let r = rec("D", None);
        let v = verdict_on(&r, &init, None, &exporter("D", true), &office("S01", false));
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_7_an_office_skips_other_offices_cases() {
        let v = verdict(
            ("S02", Some("S02-2026-0001")),
            &note(),
            None,
            ("D", true),
            ("S01", false),
        );
        assert_eq!(v, Verdict::Skip);
        let v = verdict(
            ("D", Some("S02-2026-0001")),
            &note(),
            None,
            ("D", true),
            ("S01", false),
        );
        assert_eq!(v, Verdict::Skip);
    }

    #[test]
    fn rule_8_an_office_skips_other_offices_non_case_events_but_units() {
        let r = rec("S02", None);
        let co = Event::CaseNote(CaseNote { text: "x".into() });
        let v = verdict_on(&r, &co, None, &exporter("D", true), &office("S01", false));
        assert_eq!(v, Verdict::Skip);
        let v = verdict_on(
            &r,
            &unit(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::New);
        let v = verdict(("D", None), &unit(), None, ("D", true), ("S01", false));
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn the_community_register_goes_to_the_district_not_to_other_offices() {
        use crate::ledger::event::CommunityAdd;
        let c = Event::CommunityAdd(CommunityAdd {
            name: "幸福里小区".into(),
            aliases: vec![],
            company: None,
            committee: None,
            demonstration: false,
        });
        let v = verdict(("S01", None), &c, None, ("S01", false), ("D", true));
        assert_eq!(v, Verdict::New);
        let v = verdict(("S02", None), &c, None, ("D", true), ("S01", false));
        assert_eq!(v, Verdict::Skip);
        let v = verdict(("D", None), &c, None, ("D", true), ("S01", false));
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_9_everything_else_is_new() {
        let v = verdict(
            ("S01", Some("S01-2026-0001")),
            &note(),
            None,
            ("S01", false),
            ("D", true),
        );
        assert_eq!(v, Verdict::New);
        // Including an office taking back, from its district, its own
        // lost events.
        let v = verdict(
            ("S01", Some("S01-2026-0001")),
            &note(),
            None,
            ("D", true),
            ("S01", false),
        );
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_5a_a_district_supervises_an_offices_case_but_records_no_units_answer() {
        use crate::domain::Satisfaction;
        use crate::ledger::event::{CaseAck, CaseSupervise, CaseVisit};
        let r = rec("D", Some("S01-2026-0001"));
        let from = exporter("D", true);
        let at = office("S01", false);
        let sup = Event::CaseSupervise(CaseSupervise {
            note: "限期办结".into(),
            due: None,
        });
        assert_eq!(verdict_on(&r, &sup, None, &from, &at), Verdict::New);
        for ev in [
            Event::CaseAck(CaseAck { by: None }),
            Event::CaseVisit(CaseVisit {
                satisfaction: Satisfaction::Satisfied,
                note: None,
                reopen: false,
            }),
        ] {
            assert!(matches!(
                verdict_on(&r, &ev, None, &from, &at),
                Verdict::Refuse(Refusal::Loop(LoopRefusal::OthersCaseInFile { .. }))
            ));
        }
        // The case's own office records them.
        let own = rec("S01", Some("S01-2026-0001"));
        let ack = Event::CaseAck(CaseAck { by: None });
        assert_eq!(
            verdict_on(
                &own,
                &ack,
                None,
                &exporter("S01", false),
                &office("D", true)
            ),
            Verdict::New
        );
    }
}
