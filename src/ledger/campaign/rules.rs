//! The content rules of the campaign's events (the table of
//! `ledger/rules/mod.rs` extended): every text bounded, so an adversarial
//! exchange file cannot fill the register with megabyte names.
//!
//! | what | rule |
//! |---|---|
//! | community name, alias | not empty, at most 100 characters |
//! | aliases | at most 50 in one event |
//! | company | not empty, at most 100 characters |
//! | case.patrol | texts of at most 500 characters; `found_at` RFC 3339 in 2000..=2099 |
//! | credit.committee | a canonical office code, a community as above, an item of 1 to 20 characters, a date, a canonical case id |
//! | phase dates, ledger due date | `YYYY-MM-DD` in 2000..=2099; a phase's `from` not after its `to` |

use super::error::{Fault, Field};
use crate::ledger::error::{Break, What};
use crate::ledger::event::Event;

/// The longest name, alias or company text.
pub const MAX_TEXT: usize = 100;
/// The longest text of a patrol record (who found it, the dissuasion,
/// to whom it was reported).
pub const MAX_PATROL_TEXT: usize = 500;
/// The most aliases one event may add.
pub const MAX_ALIASES: usize = 50;

fn text(field: Field, s: &str) -> Result<(), Fault> {
    if s.trim().is_empty() {
        return Err(Fault::Empty(field));
    }
    if s.chars().count() > MAX_TEXT {
        return Err(Fault::TooLong {
            field,
            max: MAX_TEXT,
        });
    }
    Ok(())
}

fn names(name: &str, aliases: &[String], company: Option<&str>) -> Result<(), Fault> {
    text(Field::Name, name)?;
    if aliases.len() > MAX_ALIASES {
        return Err(Fault::TooManyAliases { max: MAX_ALIASES });
    }
    for a in aliases {
        text(Field::Alias, a)?;
    }
    if let Some(c) = company {
        text(Field::Company, c)?;
    }
    Ok(())
}

fn date(s: &str) -> Result<chrono::NaiveDate, Break> {
    crate::ledger::rules::basic::date(What::PlanDate, s).map_err(|_| {
        Break::Campaign(Fault::NotADate {
            value: crate::text::clip(s, 40),
        })
    })
}

/// Checks a campaign event; other events pass.
pub fn check(ev: &Event) -> Result<(), Break> {
    match ev {
        Event::CommunityAdd(c) => names(&c.name, &c.aliases, c.company.as_deref())?,
        Event::CommunitySet(c) => names(&c.name, &c.aliases, c.company.as_deref())?,
        Event::CampaignPhase(p) => {
            let (from, to) = (date(&p.from)?, date(&p.to)?);
            if from > to {
                return Err(Fault::Backwards {
                    from: p.from.clone(),
                    to: p.to.clone(),
                }
                .into());
            }
        }
        Event::CampaignDue(d) => {
            date(&d.date)?;
        }
        Event::CasePatrol(p) => {
            for t in [&p.found_by, &p.dissuasion, &p.reported_to]
                .into_iter()
                .flatten()
            {
                if t.chars().count() > MAX_PATROL_TEXT {
                    return Err(Fault::TooLong {
                        field: Field::Patrol,
                        max: MAX_PATROL_TEXT,
                    }
                    .into());
                }
            }
            if let Some(t) = &p.found_at {
                crate::ledger::rules::basic::time(What::Time, t)?;
            }
        }
        Event::CreditCommittee(c) => {
            let o: crate::domain::OfficeCode = c.office.parse().map_err(Break::Malformed)?;
            if o.as_str() != c.office {
                return Err(Break::OfficeForm {
                    what: What::Origin,
                    value: crate::text::clip(&c.office, 40),
                });
            }
            text(Field::Name, &c.community)?;
            if c.item.trim().is_empty() || c.item.chars().count() > 20 {
                return Err(Break::Empty(What::Item));
            }
            date(&c.date)?;
            if let Some(k) = &c.case {
                crate::ledger::rules::basic::case_id(What::RecordCase, k)?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Phase;
    use crate::ledger::event::{CampaignPhase, CommunityAdd};

    #[test]
    fn names_are_bounded_and_phases_run_forwards() {
        let mut c = CommunityAdd {
            name: "幸福里小区".into(),
            aliases: vec!["幸福里".into()],
            company: None,
            committee: None,
            demonstration: false,
        };
        assert!(check(&Event::CommunityAdd(c.clone())).is_ok());
        c.aliases = vec!["x".repeat(101)];
        assert!(check(&Event::CommunityAdd(c.clone())).is_err());
        c.aliases = vec!["a".into(); 51];
        assert!(check(&Event::CommunityAdd(c.clone())).is_err());
        c.aliases.clear();
        c.name = " ".into();
        assert!(check(&Event::CommunityAdd(c)).is_err());
        let p = |from: &str, to: &str| {
            check(&Event::CampaignPhase(CampaignPhase {
                phase: Phase::Deploy,
                from: from.into(),
                to: to.into(),
            }))
        };
        assert!(p("2026-11-01", "2026-11-30").is_ok());
        assert!(p("2026-11-30", "2026-11-01").is_err());
        assert!(p("2026-11-31", "2026-12-01").is_err());
    }
}
