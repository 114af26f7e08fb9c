//! The credit scoring standard (信用信息管理办法及计分标准) as data.
//!
//! Real cities differ in the numbers, so the standard is a CSV file a
//! district can edit; `examples/credit-standard.csv` is the default. Its
//! columns are `type,code,description,points,months,dishonesty`:
//!
//! | type       | code            | description | points                | months   | dishonesty |
//! |------------|-----------------|-------------|-----------------------|----------|------------|
//! | `standard` | its name        | its title   | the base score        | —        | —          |
//! | `item`     | e.g. `WY-06`    | the item    | `+5` good, `-12` bad  | validity | `yes`: a record puts the company on the dishonesty list |
//! | `grade`    | e.g. `A`        | its label   | lowest score of the band | —     | —          |
//!
//! One `standard` row; grade bands with strictly decreasing lower bounds,
//! the last (lowest) band being the dishonesty band (失信).

use super::error::{Error, Number, Result, StandardFault};
/// The standard is the one type the `credit.standard` event carries; this
/// module reads it from a file and scores by it.
pub use crate::ledger::scoring::{Grade, Item, Standard};

/// The default standard, built from the problem catalogue.
pub const DEFAULT_CSV: &str = include_str!("../../examples/credit-standard.csv");

/// The columns of a standard file, in order.
const HEADER: [&str; 6] = [
    "type",
    "code",
    "description",
    "points",
    "months",
    "dishonesty",
];

/// The rows of a standard file read so far.
#[derive(Default)]
struct Rows {
    head: Option<(String, String, i64)>,
    items: Vec<Item>,
    grades: Vec<Grade>,
}

impl Standard {
    /// The standard shipped with `ledger`.
    pub fn builtin() -> Standard {
        Standard::parse_csv("examples/credit-standard.csv", DEFAULT_CSV)
            .expect("the shipped standard parses")
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.code == code)
    }

    /// The band a score falls in.
    pub fn grade(&self, score: i64) -> &Grade {
        self.grades
            .iter()
            .find(|g| score >= g.min)
            .unwrap_or_else(|| self.grades.last().expect("a standard has grades"))
    }

    /// Whether `grade` is the lowest band (the dishonesty band).
    pub fn is_lowest(&self, grade: &Grade) -> bool {
        self.grades.last() == Some(grade)
    }

    /// Reads a standard file; a bad row is refused naming its line.
    pub fn parse_csv(file: &str, text: &str) -> Result<Standard> {
        let whole = |fault| Error::StandardFile {
            file: file.to_string(),
            line: None,
            fault,
        };
        let text = text.trim_start_matches('\u{feff}');
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| whole(StandardFault::Csv(e)))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect::<Vec<_>>();
        if headers != HEADER {
            return Err(Error::StandardFile {
                file: file.to_string(),
                line: Some(1),
                fault: StandardFault::Header {
                    expected: HEADER.join(","),
                    found: headers.join(","),
                },
            });
        }
        let mut rows = Rows::default();
        for row in rdr.records() {
            let row = row.map_err(|e| whole(StandardFault::Csv(e)))?;
            let line = row.position().map_or(0, |p| p.line());
            rows.read(&row).map_err(|fault| Error::StandardFile {
                file: file.to_string(),
                line: Some(line),
                fault,
            })?;
        }
        rows.finish().map_err(whole)
    }
}

impl Rows {
    /// Takes one row of the file.
    fn read(&mut self, row: &csv::StringRecord) -> Result<(), StandardFault> {
        let get = |i: usize| row.get(i).unwrap_or("").trim().to_string();
        if row.iter().all(|f| f.trim().is_empty()) {
            return Ok(());
        }
        let code = get(1);
        if code.is_empty() {
            return Err(StandardFault::EmptyCode);
        }
        let number = |number: Number| -> Result<i64, StandardFault> {
            get(3)
                .trim_start_matches('+')
                .parse::<i64>()
                .map_err(|_| StandardFault::NotWhole {
                    number,
                    value: get(3),
                })
        };
        match get(0).as_str() {
            "standard" => {
                if self.head.is_some() {
                    return Err(StandardFault::SecondStandard);
                }
                self.head = Some((code, get(2), number(Number::Base)?));
            }
            "item" => {
                let item = item(code, get(2), number(Number::Points)?, &get(4), &get(5))?;
                if self.items.iter().any(|i| i.code == item.code) {
                    return Err(StandardFault::ItemTwice { code: item.code });
                }
                self.items.push(item);
            }
            "grade" => {
                let min = number(Number::BandMin)?;
                if let Some(prev) = self.grades.last()
                    && min >= prev.min
                {
                    return Err(StandardFault::BandOrder {
                        code,
                        min,
                        above: prev.code.clone(),
                        above_min: prev.min,
                    });
                }
                self.grades.push(Grade {
                    code,
                    label: get(2),
                    min,
                });
            }
            other => {
                return Err(StandardFault::Type {
                    value: other.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The standard, once every row is read.
    fn finish(self) -> Result<Standard, StandardFault> {
        let Some((name, title, base)) = self.head else {
            return Err(StandardFault::NoStandardRow);
        };
        if self.items.is_empty() {
            return Err(StandardFault::NoItems);
        }
        if !(2..=8).contains(&self.grades.len()) {
            return Err(StandardFault::Bands {
                count: self.grades.len(),
            });
        }
        Ok(Standard {
            name,
            title,
            base,
            items: self.items,
            grades: self.grades,
        })
    }
}

/// An `item` row's fields, checked.
fn item(
    code: String,
    description: String,
    points: i64,
    months: &str,
    dishonesty: &str,
) -> Result<Item, StandardFault> {
    if points == 0 || points.abs() > 100 {
        return Err(StandardFault::PointsRange { points });
    }
    let Some(months_n) = months.parse::<u32>().ok().filter(|m| (1..=120).contains(m)) else {
        return Err(StandardFault::Months {
            value: months.to_string(),
        });
    };
    let dishonesty = match dishonesty.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "是" => true,
        "no" | "n" | "false" | "否" | "" => false,
        other => {
            return Err(StandardFault::Dishonesty {
                value: other.to_string(),
            });
        }
    };
    Ok(Item {
        code,
        description,
        points,
        months: months_n,
        dishonesty,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_standard_covers_every_property_company_problem() {
        let s = Standard::builtin();
        assert_eq!(s.base, 100);
        for n in 1..=16 {
            let code = format!("WY-{n:02}");
            let item = s.item(&code).unwrap_or_else(|| panic!("{code}"));
            assert!(item.points < 0 && item.months == 12, "{code}");
        }
        assert!(s.items.iter().any(|i| i.points > 0));
        assert_eq!(s.grades.len(), 4);
    }

    #[test]
    fn grade_boundaries_are_inclusive_lower_bounds() {
        let s = Standard::builtin();
        assert_eq!(s.grade(95).code, "A");
        assert_eq!(s.grade(94).code, "B");
        assert_eq!(s.grade(85).code, "B");
        assert_eq!(s.grade(84).code, "C");
        assert_eq!(s.grade(70).code, "C");
        assert_eq!(s.grade(69).code, "D");
        assert_eq!(s.grade(-20).code, "D");
        assert!(s.is_lowest(s.grade(10)));
        assert!(!s.is_lowest(s.grade(70)));
    }

    #[test]
    fn a_bad_row_is_refused_with_its_line() {
        let text = "type,code,description,points,months,dishonesty\n\
                    standard,X,t,100,,\n\
                    item,A,a,-5,12,no\n\
                    item,B,b,five,12,no\n";
        // The facts each error carries (its sentence is `msg`'s to test).
        let say = |e: &Error| format!("{e:?}");
        let e = say(&Standard::parse_csv("s.csv", text).unwrap_err());
        assert!(e.contains("line: Some(4)") && e.contains("five"), "{e}");
        let text = "type,code,description,points,months,dishonesty\n\
                    standard,X,t,100,,\n\
                    item,A,a,-5,12,no\n\
                    grade,A,a,90,,\n\
                    grade,B,b,95,,\n";
        let e = say(&Standard::parse_csv("s.csv", text).unwrap_err());
        assert!(e.contains("line: Some(5)"), "{e}");
        let e = say(&Standard::parse_csv("s.csv", "code,points\n").unwrap_err());
        assert!(e.contains("line: Some(1)"), "{e}");
    }
}
