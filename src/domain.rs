//! Checked domain types: what a raw argument becomes before any command runs.
//!
//! Each type parses from the text a clerk types (`FromStr`) and says, when
//! it refuses, what was wrong and what is accepted. Nothing downstream
//! re-checks a raw string.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use crate::invalid::{Expected, Invalid};

pub use crate::dates::{DateArg, DayOrMonth, TimeArg};

pub use crate::text::normalize;

/// An office code: 1–8 ASCII letters or digits, upper-cased (`s07` is `S07`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OfficeCode(String);

impl OfficeCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OfficeCode {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = normalize(s);
        let t = t.as_str();
        if t.is_empty() || t.len() > 8 || !t.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Invalid::new(s, Expected::OfficeCode));
        }
        Ok(OfficeCode(t.to_ascii_uppercase()))
    }
}

impl fmt::Display for OfficeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A case id, `<office>-<year>-<seq>` such as `S03-2026-0042`; accepted in
/// any case and with or without the zero padding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId {
    pub office: OfficeCode,
    pub year: i32,
    pub seq: i64,
}

impl CaseId {
    pub fn new(office: OfficeCode, year: i32, seq: i64) -> Self {
        CaseId { office, year, seq }
    }
}

impl FromStr for CaseId {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new(s, Expected::CaseId);
        let t = normalize(s);
        let t = t.as_str();
        let mut parts = t.rsplitn(3, '-');
        let seq = parts.next().ok_or_else(bad)?;
        let year = parts.next().ok_or_else(bad)?;
        let office = parts.next().ok_or_else(bad)?;
        let office: OfficeCode = office.parse().map_err(|_| bad())?;
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        if seq.is_empty() || seq.len() > 12 || !seq.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let seq: i64 = seq.parse().map_err(|_| bad())?;
        if seq == 0 {
            return Err(bad());
        }
        Ok(CaseId {
            office,
            year: year.parse().map_err(|_| bad())?,
            seq,
        })
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{:04}", self.office, self.year, self.seq)
    }
}

/// Defines a closed set of codes with stable names, Chinese and English
/// labels, and a `FromStr` that lists what is accepted.
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $what:literal, { $($var:ident => $code:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $var),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The stable code stored in files and typed by scripts.
            pub fn code(self) -> &'static str {
                match self { $($name::$var => $code),+ }
            }
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$var, Lang::Zh) => $zh, ($name::$var, Lang::En) => $en,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = Invalid;
            fn from_str(s: &str) -> Result<Self, Invalid> {
                let t = normalize(s);
                let t = t.as_str();
                for v in Self::ALL {
                    if v.code().eq_ignore_ascii_case(t) || v.label(Lang::Zh) == t {
                        return Ok(*v);
                    }
                }
                let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                Err(Invalid::new(s, Expected::Code { what: $what, codes }))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

/// Output language for labels and headers; content stays as entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl FromStr for Lang {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        match normalize(s).to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh-cn" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(Invalid::new(s, Expected::Lang)),
        }
    }
}

code_enum!(
    /// Where a complaint came from.
    Source, "source", {
        Hotline => "hotline", "市长热线", "hotline";
        Petition => "petition", "信访", "petition";
        Patrol => "patrol", "巡查", "patrol";
        Visit => "visit", "来访", "walk-in";
        Other => "other", "其他", "other";
    }
);

code_enum!(
    /// The responsible subject (责任主体).
    Subject, "responsible subject", {
        PropertyCompany => "property_company", "物业服务企业", "property company";
        OwnersCommittee => "owners_committee", "业主委员会", "owners' committee";
        Developer => "developer", "开发建设单位", "developer";
        Department => "department", "职能部门", "department";
    }
);

code_enum!(
    /// A case's state in its lifecycle.
    Status, "status", {
        Open => "open", "待处理", "open";
        Assigned => "assigned", "已转办", "assigned";
        Deferred => "deferred", "暂缓", "deferred";
        Closed => "closed", "已销号", "closed";
    }
);

code_enum!(
    /// How a case was closed out.
    Outcome, "result", {
        Resolved => "resolved", "已解决", "resolved";
        Unfounded => "unfounded", "不属实", "unfounded";
        Duplicate => "duplicate", "重复", "duplicate";
        OutOfScope => "out_of_scope", "非物业问题", "out of scope";
    }
);

code_enum!(
    /// What the complainant said at the call-back (回访) after a close.
    Satisfaction, "satisfaction", {
        Satisfied => "satisfied", "满意", "satisfied";
        Basic => "basic", "基本满意", "basically satisfied";
        Dissatisfied => "dissatisfied", "不满意", "dissatisfied";
    }
);

/// A problem code from the catalogue, e.g. `WY-06` (existence is checked
/// against the ledger's catalogue; the shape is checked here).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProblemCode(String);

impl ProblemCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ProblemCode {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = normalize(s).to_ascii_uppercase().replace('_', "-");
        // Accept `wy6` and `WY-6` as well as `WY-06`: clerks type fast.
        let (letters, digits): (String, String) = t
            .chars()
            .filter(|c| *c != '-')
            .partition(|c| c.is_ascii_alphabetic());
        let ok = letters.len() == 2
            && !digits.is_empty()
            && digits.len() <= 2
            && t.starts_with(&letters)
            && digits.chars().all(|c| c.is_ascii_digit());
        if !ok {
            return Err(Invalid::new(s, Expected::ProblemCode));
        }
        let n: u32 = digits
            .parse()
            .map_err(|_| Invalid::new(s, Expected::ProblemCode))?;
        Ok(ProblemCode(format!("{letters}-{n:02}")))
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A unit as typed: a code (`ZJ`, `cg`) or an exact name; resolved against
/// the ledger's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRef(pub String);

impl FromStr for UnitRef {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        if t.is_empty() {
            return Err(Invalid::new(s, Expected::Unit));
        }
        // A code typed full-width (`ＺＪ`) is the code; a name is looked up
        // as entered, since the catalogue's names keep their full-width
        // brackets.
        let n = normalize(t);
        if n.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Ok(UnitRef(n));
        }
        Ok(UnitRef(t.to_string()))
    }
}

/// A unit code for `unit add`: 1–12 ASCII letters, digits, `_` or `-`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitCode(pub String);

impl FromStr for UnitCode {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = normalize(s);
        let t = t.as_str();
        if t.is_empty()
            || t.len() > 12
            || !t
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(Invalid::new(s, Expected::UnitCode));
        }
        Ok(UnitCode(t.to_ascii_uppercase()))
    }
}

/// Non-empty text (summary, plan, resolution...), trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub String);

impl FromStr for Text {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        if t.is_empty() {
            return Err(Invalid::new(s, Expected::Text));
        }
        Ok(Text(t.to_string()))
    }
}

/// A phone number: digits with optional spaces, `-`, `+` or parentheses,
/// 5 to 20 digits (landlines with area codes, mobiles, extensions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone(pub String);

impl FromStr for Phone {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let t = normalize(s);
        let t = t.as_str();
        let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
        let ok = t.chars().all(|c| c.is_ascii_digit() || " -+()".contains(c));
        if !ok || !(5..=20).contains(&digits) {
            return Err(Invalid::new(s, Expected::Phone));
        }
        Ok(Phone(t.to_string()))
    }
}

/// A number of days as typed (`30`, full-width `３０`), 0 to 3650: the
/// parser of `assign --days`.
pub fn days(s: &str) -> Result<u32, Invalid> {
    let t = normalize(s);
    match t.parse::<u32>() {
        Ok(n) if n <= 3650 => Ok(n),
        _ => Err(Invalid::new(s, Expected::Days)),
    }
}

// Issue 16: the campaign's phases and a community's owners' committee.
code_enum!(
    /// A phase of the campaign (四、工作步骤).
    Phase, "phase", {
        Deploy => "deploy", "部署启动", "deploy";
        Rectify => "rectify", "集中整治", "rectify";
        Consolidate => "consolidate", "巩固提升", "consolidate";
        Accept => "accept", "总结验收", "accept";
    }
);

code_enum!(
    /// Whether a community's owners' committee (业主委员会) functions.
    Committee, "committee", {
        Formed => "formed", "已成立", "formed";
        None => "none", "未成立", "none";
        Expired => "expired", "届满未换届", "expired";
        Proxy => "proxy", "居委会代行", "residents' committee acts";
    }
);

impl Committee {
    /// Whether the owners' committee itself acts for the owners (it can
    /// dismiss a company); otherwise the residents' committee does.
    pub fn functions(self) -> bool {
        self == Committee::Formed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_codes_are_upper_cased_and_checked() {
        assert_eq!("s07".parse::<OfficeCode>().unwrap().as_str(), "S07");
        assert!("".parse::<OfficeCode>().is_err());
        assert!("S-07".parse::<OfficeCode>().is_err());
        assert!("ABCDEFGHI".parse::<OfficeCode>().is_err());
        assert!("街道".parse::<OfficeCode>().is_err());
    }

    #[test]
    fn case_ids_parse_in_any_case_and_padding() {
        let id: CaseId = "s03-2026-42".parse().unwrap();
        assert_eq!(id.to_string(), "S03-2026-0042");
        let id: CaseId = "S03-2026-12345".parse().unwrap();
        assert_eq!(id.to_string(), "S03-2026-12345");
        assert!("S03-26-0001".parse::<CaseId>().is_err());
        assert!("S03-2026-0000".parse::<CaseId>().is_err());
        assert!("S03-2026".parse::<CaseId>().is_err());
        assert!("S03-2026-x1".parse::<CaseId>().is_err());
    }

    #[test]
    fn problem_codes_accept_sloppy_typing() {
        for s in ["WY-06", "wy-06", "wy6", "WY06", "wy_6"] {
            assert_eq!(s.parse::<ProblemCode>().unwrap().as_str(), "WY-06", "{s}");
        }
        assert!("W-06".parse::<ProblemCode>().is_err());
        assert!("WY-".parse::<ProblemCode>().is_err());
        assert!("WY-123".parse::<ProblemCode>().is_err());
    }

    // Regression: issue 12, an id typed with a Chinese input method in
    // full-width form was "not a case id".
    #[test]
    fn full_width_input_reads_as_ascii() {
        for s in [
            "Ｓ01－2026－1",
            "ｓ０１—２０２６—１",
            "S01——2026–0001",
            "\u{3000}S01-2026-1\u{3000}",
        ] {
            assert_eq!(
                s.parse::<CaseId>().unwrap().to_string(),
                "S01-2026-0001",
                "{s}"
            );
        }
        assert_eq!(
            "ＷＹ－０６".parse::<ProblemCode>().unwrap().as_str(),
            "WY-06"
        );
        assert_eq!("ｓ０７".parse::<OfficeCode>().unwrap().as_str(), "S07");
        assert_eq!("ＳＱ０１".parse::<UnitCode>().unwrap().0, "SQ01");
        assert_eq!("ＺＪ".parse::<UnitRef>().unwrap().0, "ZJ");
        // A name keeps its full-width brackets: the catalogue's names have them.
        assert_eq!(
            "区物业办（住建）".parse::<UnitRef>().unwrap().0,
            "区物业办（住建）"
        );
        assert_eq!("ｃｌｏｓｅｄ".parse::<Status>().unwrap(), Status::Closed);
        assert_eq!(
            "１３８１２３４５６７８".parse::<Phone>().unwrap().0,
            "13812345678"
        );
        assert_eq!(days("３０"), Ok(30));
        assert_eq!(days(" 7 "), Ok(7));
        assert!(days("3651").is_err());
        assert!(days("-1").is_err());
    }

    #[test]
    fn enums_accept_codes_and_chinese_labels() {
        assert_eq!("HOTLINE".parse::<Source>().unwrap(), Source::Hotline);
        assert_eq!("信访".parse::<Source>().unwrap(), Source::Petition);
        let e = "closd".parse::<Status>().unwrap_err();
        assert_eq!(
            e.expected,
            Expected::Code {
                what: "status",
                codes: vec!["open", "assigned", "deferred", "closed"]
            }
        );
    }
}
