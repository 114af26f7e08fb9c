//! The community register (小区): each office registers its communities
//! under a canonical name with the other spellings cases use, the managing
//! company, the owners' committee's status and whether it is one of the
//! campaign's demonstration communities.
//!
//! Like the credit register, it is folded from its events when a command
//! needs it (they are few). Whose register applies: an office's events
//! reach its district (merge rule 9) but no other office (rule 8), and the
//! district's reach every office; so a case of office O matches O's own
//! communities first, then the district's. That reads the same at the
//! office and at the district, so a merge changes no case's community.
//!
//! A case keeps its community as typed (`cases.community`); its canonical
//! community is derived when read: the registered name whose name or alias
//! matches the typed text (compared without spaces, full-width forms as
//! their ASCII). So an alias added today gathers last year's cases too.

use std::cell::RefCell;
use std::collections::HashMap;

use fnv::FnvHashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::error::Refused;
use crate::domain::Committee;
use crate::ledger::Writer;
use crate::ledger::error::{Refusal, Result};
use crate::ledger::event::{CommunityAdd, CommunitySet, Event, EventRecord};

/// One registered community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Community {
    /// The office that registered it.
    pub office: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The managing company: a credit code, or a name as typed.
    pub company: Option<String>,
    pub committee: Option<Committee>,
    pub demonstration: bool,
}

/// The name an owners' committee goes by: its community's and 业主委员会
/// (a case against a committee names its community's).
pub fn committee_name(community: &str) -> String {
    format!("{community}业主委员会")
}

/// The text a name or alias is matched by: no spaces, NFKC.
pub fn match_key(s: &str) -> String {
    crate::text::normalize(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The register folded from the log.
#[derive(Clone, Debug, Default)]
pub struct Communities {
    /// In the order registered.
    pub list: Vec<Community>,
    /// (office, match key of a name or alias) → its community in `list`.
    index: HashMap<(String, String), usize>,
    /// The district offices this file knows: their register applies to
    /// every office's cases.
    districts: Vec<String>,
    /// What [`Communities::canonical`] found for each typed text and
    /// office: a report asks once per case, of a few hundred texts, and
    /// matching normalises the text (NFKC), which costs.
    memo: RefCell<Memo>,
}

/// Typed text → (office, its community in `list` if any).
type Memo = FnvHashMap<Vec<u8>, Vec<(Vec<u8>, Option<usize>)>>;

impl Communities {
    /// Folds every `community.*` event of the file, in replay order: the
    /// first registration of a name (or alias) by an office wins.
    pub fn load(conn: &Connection) -> Result<Communities> {
        let mut reg = Communities {
            districts: conn
                .prepare("SELECT code FROM offices WHERE district = 1 ORDER BY code")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
            ..Communities::default()
        };
        let mut st = conn.prepare(&format!(
            "SELECT {} FROM events WHERE case_id IS NULL AND kind LIKE 'community.%'
             ORDER BY clock, origin, seq",
            EventRecord::COLUMNS
        ))?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            let rec = EventRecord::from_row(row)?;
            match rec.event()? {
                Event::CommunityAdd(a) => reg.add(&rec.origin, a),
                Event::CommunitySet(s) => reg.set(&rec.origin, s),
                _ => {}
            }
        }
        Ok(reg)
    }

    fn add(&mut self, office: &str, a: CommunityAdd) {
        let name = a.name.trim().to_string();
        if self.own(office, &name).is_some() {
            return;
        }
        let ix = self.list.len();
        self.list.push(Community {
            office: office.to_string(),
            name: name.clone(),
            aliases: Vec::new(),
            company: a.company.map(|c| c.trim().to_string()),
            committee: a.committee,
            demonstration: a.demonstration,
        });
        self.index
            .insert((office.to_string(), match_key(&name)), ix);
        self.alias(ix, &a.aliases);
    }

    /// Adds the aliases no community of the office holds yet.
    fn alias(&mut self, ix: usize, aliases: &[String]) {
        let office = self.list[ix].office.clone();
        for a in aliases {
            let k = (office.clone(), match_key(a));
            if let std::collections::hash_map::Entry::Vacant(e) = self.index.entry(k) {
                e.insert(ix);
                self.list[ix].aliases.push(a.trim().to_string());
            }
        }
    }

    fn set(&mut self, office: &str, s: CommunitySet) {
        let Some(ix) = self.own(office, &s.name) else {
            return;
        };
        self.alias(ix, &s.aliases);
        let c = &mut self.list[ix];
        if let Some(co) = s.company {
            c.company = Some(co.trim().to_string());
        }
        if let Some(cm) = s.committee {
            c.committee = Some(cm);
        }
        if let Some(d) = s.demonstration {
            c.demonstration = d;
        }
    }

    /// Every name and alias of the registered communities (any office's)
    /// that `text` names by a name or an alias: what `list --community`
    /// looks for besides the text itself.
    pub fn spellings(&self, text: &str) -> Vec<String> {
        let key = match_key(text);
        self.list
            .iter()
            .filter(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .any(|n| match_key(n) == key)
            })
            .flat_map(|c| std::iter::once(c.name.clone()).chain(c.aliases.iter().cloned()))
            .collect()
    }

    /// The community `office` registered whose name or alias is `text`.
    pub fn own(&self, office: &str, text: &str) -> Option<usize> {
        self.index
            .get(&(office.to_string(), match_key(text)))
            .copied()
    }

    /// The community a case of `office` typed as `text` is: the office's
    /// own, else its district's.
    pub fn find(&self, office: &str, text: &str) -> Option<&Community> {
        if self.list.is_empty() {
            return None;
        }
        let key = match_key(text);
        std::iter::once(office)
            .chain(self.districts.iter().map(String::as_str))
            .find_map(|o| self.index.get(&(o.to_string(), key.clone())))
            .map(|&ix| &self.list[ix])
    }

    /// The canonical name of a case's community, or the text as typed
    /// when it matches no registered name (bytes as the report reads them).
    pub fn canonical<'a>(&'a self, office: &[u8], text: &'a [u8]) -> &'a [u8] {
        if self.list.is_empty() {
            return text;
        }
        let known = self.memo.borrow().get(text).and_then(|v| {
            v.iter()
                .find(|(o, _)| o.as_slice() == office)
                .map(|(_, ix)| *ix)
        });
        let ix = known.unwrap_or_else(|| {
            let found = match (std::str::from_utf8(office), std::str::from_utf8(text)) {
                (Ok(o), Ok(t)) => self.find(o, t).and_then(|c| {
                    self.list
                        .iter()
                        .position(|x| x.office == c.office && x.name == c.name)
                }),
                _ => None,
            };
            self.memo
                .borrow_mut()
                .entry(text.to_vec())
                .or_default()
                .push((office.to_vec(), found));
            found
        });
        ix.map_or(text, |ix| self.list[ix].name.as_bytes())
    }

    /// Whether nothing is registered (then every case's community is its
    /// text as typed).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The community named (or aliased) `text` as `office` sees it: its
    /// own, its district's, else (at a district, which holds every
    /// office's register) the first office's that registered it.
    pub fn lookup(&self, office: &str, text: &str) -> Result<&Community> {
        let key = match_key(text);
        let anyone = || {
            self.index
                .iter()
                .filter(|((_, k), _)| *k == key)
                .map(|(_, &ix)| ix)
                .min()
                .map(|ix| &self.list[ix])
        };
        self.find(office, text).or_else(anyone).ok_or_else(|| {
            Refusal::Campaign(Refused::NoCommunity {
                name: crate::text::clip(text, 60),
            })
            .into()
        })
    }
}

/// A community to register, as a command gives it.
#[derive(Clone, Debug, Default)]
pub struct NewCommunity {
    pub name: String,
    pub aliases: Vec<String>,
    pub company: Option<String>,
    pub committee: Option<Committee>,
    pub demonstration: bool,
}

/// A change to a registered community.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub name: String,
    pub aliases: Vec<String>,
    pub company: Option<String>,
    pub committee: Option<Committee>,
    pub demonstration: Option<bool>,
}

/// Refuses an alias the office's register gives to another community
/// (`mine`: the community it is for, if registered).
fn free(reg: &Communities, office: &str, alias: &str, mine: Option<usize>) -> Result<()> {
    match reg.own(office, alias) {
        Some(ix) if Some(ix) != mine => Err(Refused::AliasTaken {
            alias: alias.trim().to_string(),
            community: reg.list[ix].name.clone(),
        }
        .into()),
        _ => Ok(()),
    }
}

fn trimmed(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.trim().to_string()).collect()
}

/// Registers a community of this office.
pub fn add(w: &mut Writer, reg: &Communities, c: NewCommunity) -> Result<()> {
    let office = w.office().code.clone();
    if let Some(ix) = reg.own(&office, &c.name) {
        let held = &reg.list[ix];
        if match_key(&held.name) == match_key(&c.name) {
            return Err(Refused::CommunityExists {
                name: held.name.clone(),
            }
            .into());
        }
        free(reg, &office, &c.name, None)?;
    }
    for a in &c.aliases {
        free(reg, &office, a, None)?;
    }
    w.append(
        None,
        Event::CommunityAdd(CommunityAdd {
            name: c.name.trim().to_string(),
            aliases: trimmed(&c.aliases),
            company: c.company.map(|s| s.trim().to_string()),
            committee: c.committee,
            demonstration: c.demonstration,
        }),
    )?;
    Ok(())
}

/// Changes a community this office registered; returns its name.
pub fn set(w: &mut Writer, reg: &Communities, c: Change) -> Result<String> {
    let office = w.office().code.clone();
    let Some(ix) = reg.own(&office, &c.name) else {
        return Err(Refused::NoCommunity {
            name: crate::text::clip(&c.name, 60),
        }
        .into());
    };
    if c.aliases.is_empty()
        && c.company.is_none()
        && c.committee.is_none()
        && c.demonstration.is_none()
    {
        return Err(Refused::NothingToSet.into());
    }
    for a in &c.aliases {
        free(reg, &office, a, Some(ix))?;
    }
    let name = reg.list[ix].name.clone();
    w.append(
        None,
        Event::CommunitySet(CommunitySet {
            name: name.clone(),
            aliases: trimmed(&c.aliases),
            company: c.company.map(|s| s.trim().to_string()),
            committee: c.committee,
            demonstration: c.demonstration,
        }),
    )?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> Communities {
        let mut r = Communities {
            districts: vec!["D".into()],
            ..Communities::default()
        };
        r.add(
            "S01",
            CommunityAdd {
                name: "幸福里小区".into(),
                aliases: vec!["幸福里".into(), "幸福里 小区".into()],
                company: None,
                committee: Some(Committee::Formed),
                demonstration: false,
            },
        );
        r.add(
            "D",
            CommunityAdd {
                name: "阳光花园".into(),
                aliases: vec!["阳光".into()],
                company: None,
                committee: None,
                demonstration: true,
            },
        );
        r
    }

    #[test]
    fn a_case_matches_its_offices_register_then_the_districts() {
        let r = reg();
        assert_eq!(
            r.canonical(b"S01", "幸福里".as_bytes()),
            "幸福里小区".as_bytes()
        );
        assert_eq!(
            r.canonical(b"S01", "幸福里　小区".as_bytes()),
            "幸福里小区".as_bytes()
        );
        assert_eq!(
            r.canonical(b"S01", "阳光".as_bytes()),
            "阳光花园".as_bytes()
        );
        // Another office's register does not apply.
        assert_eq!(
            r.canonical(b"S02", "幸福里".as_bytes()),
            "幸福里".as_bytes()
        );
        assert_eq!(
            r.canonical(b"S02", "阳光".as_bytes()),
            "阳光花园".as_bytes()
        );
    }

    #[test]
    fn the_first_registration_wins_and_set_adds_aliases() {
        let mut r = reg();
        r.add(
            "S01",
            CommunityAdd {
                name: "幸福里".into(),
                aliases: vec![],
                company: Some("x".into()),
                committee: None,
                demonstration: false,
            },
        );
        assert_eq!(r.list.len(), 2);
        r.set(
            "S01",
            CommunitySet {
                name: "幸福里小区".into(),
                aliases: vec!["幸福".into()],
                company: Some("鑫源".into()),
                committee: Some(Committee::Expired),
                demonstration: Some(true),
            },
        );
        let c = r.find("S01", "幸福").unwrap();
        assert_eq!(c.committee, Some(Committee::Expired));
        assert!(c.demonstration);
        assert_eq!(c.company.as_deref(), Some("鑫源"));
    }
}
