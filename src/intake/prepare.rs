//! One row of an export made ready for the ledger: the cells of the mapped
//! columns read, checked and put together as a new case, or the reason
//! the row is turned away.

use chrono::{DateTime, Datelike, FixedOffset};

use super::bounds;
use super::cell::Cell;
use super::classify;
use super::dates;
use super::error::Reason;
use super::fields::Field;
use super::profiles::{Column, Plan};
use super::readers::RawRow;
use crate::domain::{Phone, Source};
use crate::ledger::ops::NewCase;

/// Community of a row that names none and for which none is guessed.
const NO_COMMUNITY: &str = "(未注明)";

/// A row made ready for the ledger.
pub(super) struct Prepared {
    pub new: NewCase,
    /// The whole summary text, for the property rule.
    pub title: String,
    /// Details and category, for the property rule.
    pub body: String,
}

/// What every row is prepared with.
pub(super) struct RowContext<'a> {
    pub plan: &'a Plan,
    pub headers: &'a [String],
    pub source: Source,
    pub community: Option<String>,
    pub now: DateTime<FixedOffset>,
}

/// A source as exports write it: a code or label `ledger` knows, or the
/// words hotline and petition systems use.
pub(super) fn parse_source(s: &str) -> Option<Source> {
    if let Ok(src) = s.parse::<Source>() {
        return Some(src);
    }
    let has = |ws: &[&str]| ws.iter().any(|w| s.contains(w));
    if has(&["12345", "热线", "电话"]) {
        Some(Source::Hotline)
    } else if has(&["信访", "来信", "网信"]) {
        Some(Source::Petition)
    } else if has(&["来访", "走访", "窗口"]) {
        Some(Source::Visit)
    } else if has(&["巡查", "三联单"]) {
        Some(Source::Patrol)
    } else {
        None
    }
}

fn join(parts: Vec<String>, sep: &str) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// The summary text of a row, and where it came from.
struct Summary {
    /// The whole text (cut later for the summary itself).
    full: String,
    /// Taken from the details because the summary said nothing.
    from_details: bool,
    /// The non-empty details texts.
    details: Vec<String>,
}

impl RowContext<'_> {
    fn cell(&self, row: &RawRow, c: &Column) -> String {
        classify::clean(&row.cells[c.index].text())
    }

    /// The cleaned texts of a field's columns.
    fn texts(&self, row: &RawRow, f: Field) -> Vec<String> {
        self.plan.of(f).map(|c| self.cell(row, c)).collect()
    }

    /// `列名：值` lines for the details.
    fn labelled(&self, row: &RawRow, f: Field, out: &mut Vec<String>) {
        for c in self.plan.of(f) {
            let v = self.cell(row, c);
            if !v.is_empty() {
                out.push(format!("{}：{v}", c.header));
            }
        }
    }

    fn check_width(&self, row: &RawRow) -> Result<(), Reason> {
        let width = self.headers.len();
        let cells = row.cells.len();
        if let Some(c) = self.plan.columns.iter().find(|c| c.index >= cells) {
            return Err(Reason::ShortRow {
                cells,
                width,
                missing: c.header.clone(),
            });
        }
        if cells > width && row.cells[width..].iter().any(|c| !c.is_blank()) {
            return Err(Reason::LongRow { cells, width });
        }
        // Longer than a spreadsheet cell can be: not typed by anyone, and
        // no summary or details should carry it into the ledger.
        for (i, c) in row.cells.iter().enumerate() {
            let chars = match c {
                Cell::Text(t) => t.chars().count(),
                Cell::Overlong { chars } => *chars,
                _ => 0,
            };
            if chars > bounds::MAX_CELL_CHARS {
                return Err(Reason::LongCell {
                    column: self.headers.get(i).cloned().unwrap_or_default(),
                    chars,
                    max: bounds::MAX_CELL_CHARS,
                });
            }
        }
        Ok(())
    }

    fn summary(&self, row: &RawRow) -> Result<Summary, Reason> {
        let details: Vec<String> = self
            .texts(row, Field::Details)
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
        // A summary of punctuation alone (the message board has a title
        // "）") says nothing: the details, cut, say more.
        let summary_texts = self.texts(row, Field::Summary);
        let says_something = |t: &String| t.chars().any(char::is_alphanumeric);
        let from_details = !summary_texts.iter().any(says_something);
        let full = if from_details {
            details.first().cloned()
        } else {
            join(summary_texts, " - ")
        };
        match full {
            Some(full) => Ok(Summary {
                full,
                from_details,
                details,
            }),
            None => Err(Reason::NoSummary {
                columns: self
                    .plan
                    .of(Field::Summary)
                    .map(|c| c.header.clone())
                    .collect(),
            }),
        }
    }

    fn received(&self, row: &RawRow) -> Result<Option<DateTime<FixedOffset>>, Reason> {
        let Some(c) = self.plan.of(Field::Received).next() else {
            return Ok(None);
        };
        let received = dates::parse_cell(&row.cells[c.index])
            .map_err(|bad| Reason::Date {
                column: c.header.clone(),
                bad,
            })?
            .map(|t| t.resolve(*self.now.offset()));
        let Some(t) = received else {
            return Ok(None);
        };
        if t > self.now {
            return Err(Reason::Future {
                received: t,
                now: self.now,
            });
        }
        crate::ledger::rules::received_year(t.year(), self.now.year())
            .map_err(|why| Reason::Year { received: t, why })?;
        Ok(Some(t))
    }

    fn source(&self, row: &RawRow) -> Result<Source, Reason> {
        let Some(c) = self.plan.of(Field::Source).next() else {
            return Ok(self.source);
        };
        let v = self.cell(row, c);
        if v.is_empty() {
            return Ok(self.source);
        }
        parse_source(&v).ok_or_else(|| Reason::NotASource {
            column: c.header.clone(),
            value: v,
        })
    }

    /// The labelled lines (category, extra columns, a phone number that is
    /// not one) and the phone number.
    fn labels_and_phone(&self, row: &RawRow) -> (Vec<String>, Option<String>) {
        let mut labels = Vec::new();
        self.labelled(row, Field::Category, &mut labels);
        self.labelled(row, Field::Extra, &mut labels);
        let mut phone = None;
        for c in self.plan.of(Field::Phone) {
            let v = self.cell(row, c);
            if v.is_empty() {
                continue;
            }
            // A masked (138****5678) or odd number is kept, in the details.
            match v.parse::<Phone>() {
                Ok(p) if phone.is_none() => phone = Some(p.0),
                _ => labels.push(format!("{}：{v}", c.header)),
            }
        }
        (labels, phone)
    }

    pub fn prepare(&self, row: &RawRow) -> Result<Prepared, Reason> {
        self.check_width(row)?;
        let Summary {
            full,
            from_details,
            details: details_texts,
        } = self.summary(row)?;
        let received = self.received(row)?;
        let source = self.source(row)?;
        let (summary, cut) = classify::summary(&full);
        let mut details = Vec::new();
        if cut && !from_details {
            details.push(full.clone());
        }
        details.extend(details_texts);
        let (labels, phone) = self.labels_and_phone(row);
        details.extend(labels);
        let body = {
            let mut b = self.texts(row, Field::Details);
            b.extend(self.texts(row, Field::Category));
            b.join("\n")
        };
        let community = join(self.texts(row, Field::Community), " ")
            .or_else(|| self.community.clone())
            .or_else(|| super::community::named(&full, &body))
            .unwrap_or_else(|| NO_COMMUNITY.to_string());
        let complainant = join(self.texts(row, Field::Complainant), " ");
        // A row without a reference gets one made from what it says, so a
        // file imported twice (a cron job run again) adds nothing.
        let source_ref = join(self.texts(row, Field::Ref), "-").or_else(|| {
            Some(fingerprint(&[
                &received.map(|t| t.to_rfc3339()).unwrap_or_default(),
                &community,
                &full,
                complainant.as_deref().unwrap_or_default(),
                phone.as_deref().unwrap_or_default(),
            ]))
        });
        Ok(Prepared {
            new: NewCase {
                received,
                source,
                source_ref,
                community,
                address: join(self.texts(row, Field::Address), " "),
                summary,
                details: join(details, "\n"),
                complainant,
                phone,
                subject: None,
                problem: None,
                party: join(self.texts(row, Field::Party), " "),
                key: false,
                problem_suggested: false,
            },
            title: full,
            body,
        })
    }
}

/// `#` and 16 hex digits of the SHA-256 of the parts: the reference of a
/// row that has none of its own.
fn fingerprint(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.len().to_string().as_bytes());
        h.update(b":");
        h.update(p.as_bytes());
    }
    let hex = hex::encode(h.finalize());
    format!("#{}", &hex[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_as_exports_write_them() {
        assert_eq!(parse_source("hotline"), Some(Source::Hotline));
        assert_eq!(parse_source("12345热线"), Some(Source::Hotline));
        assert_eq!(parse_source("信访"), Some(Source::Petition));
        assert_eq!(parse_source("网上来信"), Some(Source::Petition));
        assert_eq!(parse_source("火星"), None);
    }
}
