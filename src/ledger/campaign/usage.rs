//! What the community register says of the cases: each community's case
//! counts, its cases, and the typed community texts that match nothing.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::community::Communities;
use crate::ledger::error::Result;

/// Cases and cases not closed, per community of the register (by its
/// place in `Communities::list`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: i64,
    pub open: i64,
}

/// A typed community text no registered name or alias matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub office: String,
    pub text: String,
    pub cases: i64,
}

/// A case of a community, as `community show` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseLine {
    pub id: String,
    pub status: String,
    pub received: String,
    /// The community as typed.
    pub typed: String,
    pub summary: String,
}

/// Every case's (office, typed community) with `f`.
fn each(
    conn: &Connection,
    mut f: impl FnMut(&rusqlite::Row<'_>, &str, &str) -> Result<()>,
) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT office, community, id, status, substr(received_at, 1, 10), summary
         FROM cases ORDER BY id",
    )?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        let office: String = r.get(0)?;
        let typed: String = r.get(1)?;
        f(r, &office, &typed)?;
    }
    Ok(())
}

/// The counts of each registered community, and the unmatched texts, most
/// cases first (ties by office and text).
pub fn counts(conn: &Connection, reg: &Communities) -> Result<(Vec<Counts>, Vec<Unmatched>)> {
    let mut counts = vec![Counts::default(); reg.list.len()];
    let mut loose: HashMap<(String, String), i64> = HashMap::new();
    let index: HashMap<(&str, &str), usize> = reg
        .list
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.office.as_str(), c.name.as_str()), i))
        .collect();
    each(conn, |r, office, typed| {
        let closed = r.get::<_, String>(3)? == "closed";
        match reg.find(office, typed) {
            Some(c) => {
                let n = &mut counts[index[&(c.office.as_str(), c.name.as_str())]];
                n.total += 1;
                n.open += i64::from(!closed);
            }
            None => *loose.entry((office.into(), typed.into())).or_default() += 1,
        }
        Ok(())
    })?;
    let mut unmatched: Vec<Unmatched> = loose
        .into_iter()
        .map(|((office, text), cases)| Unmatched {
            office,
            text,
            cases,
        })
        .collect();
    unmatched.sort_by(|a, b| {
        b.cases
            .cmp(&a.cases)
            .then_with(|| (&a.office, &a.text).cmp(&(&b.office, &b.text)))
    });
    Ok((counts, unmatched))
}

/// The cases whose community is the registered one of `office` named
/// `name`, in id order.
pub fn cases_of(
    conn: &Connection,
    reg: &Communities,
    office: &str,
    name: &str,
) -> Result<Vec<CaseLine>> {
    let mut out = Vec::new();
    each(conn, |r, o, typed| {
        if reg
            .find(o, typed)
            .is_some_and(|c| c.office == office && c.name == name)
        {
            out.push(CaseLine {
                id: r.get(2)?,
                status: r.get(3)?,
                received: r.get(4)?,
                typed: typed.to_string(),
                summary: r.get(5)?,
            });
        }
        Ok(())
    })?;
    Ok(out)
}
