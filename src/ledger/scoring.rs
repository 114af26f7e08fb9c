//! The wire form of a credit scoring standard: what a `credit.standard`
//! event carries, and the content rule every such event obeys.
//!
//! It lives in the core so that the event log, the exchange and the rules
//! depend on nothing above them; `credit::standard` builds its domain type
//! (with the lookups scoring needs, and the CSV a district edits) from it.

use serde::{Deserialize, Serialize};

/// One item of a standard as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub description: String,
    /// Positive for a good record, negative for a deduction.
    pub points: i64,
    /// How long a record counts.
    pub months: u32,
    /// A record of this item puts the company on the dishonesty list.
    pub dishonesty: bool,
}

/// One grade band of a standard as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub code: String,
    pub label: String,
    /// The lowest score in the band.
    pub min: i64,
}

/// A scoring standard as stored in a `credit.standard` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub name: String,
    pub title: String,
    pub base: i64,
    pub items: Vec<Item>,
    /// Highest band first.
    pub grades: Vec<Grade>,
}

impl Standard {
    /// The rules a standard file's reader enforces, on a standard that
    /// arrived as an event (a file from elsewhere may carry any JSON).
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("the standard has no name".into());
        }
        if !(0..=1000).contains(&self.base) {
            return Err(format!("base score {} is outside 0..1000", self.base));
        }
        if self.items.is_empty() {
            return Err("the standard has no items".into());
        }
        for (n, i) in self.items.iter().enumerate() {
            if i.code.trim().is_empty()
                || i.points == 0
                || i.points.abs() > 100
                || !(1..=120).contains(&i.months)
            {
                return Err(format!(
                    "item {}: points must be ±1..100 and months 1..120",
                    i.code
                ));
            }
            if self.items[..n].iter().any(|j| j.code == i.code) {
                return Err(format!("item {} is defined twice", i.code));
            }
        }
        if !(2..=8).contains(&self.grades.len()) {
            return Err(format!(
                "{} grade bands: a standard has 2 to 8",
                self.grades.len()
            ));
        }
        if self.grades.windows(2).any(|w| w[1].min >= w[0].min) {
            return Err("grade bands must go from highest to lowest".into());
        }
        Ok(())
    }
}
