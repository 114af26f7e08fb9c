//! The case fields a column of an export can fill, by the names mapping
//! files use.
//!
//! Fields: `ref` (the source's number: 工单编号, 留言编号; duplicates are
//! found by it), `received`, `summary` (required), `details`, `community`,
//! `address`, `complainant`, `phone`, `party`, `category` (the source's own
//! classification: kept in the details and read by the property rule),
//! `source` (hotline, petition, 市长热线, 信访 … per row), and `extra` (any
//! other column worth keeping: appended to the details as `列名：值`).
//! A field named more than once takes every column, joined.

/// A case field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ref,
    Received,
    Summary,
    Details,
    Community,
    Address,
    Complainant,
    Phone,
    Party,
    Category,
    Source,
    Extra,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Ref,
        Field::Received,
        Field::Summary,
        Field::Details,
        Field::Community,
        Field::Address,
        Field::Complainant,
        Field::Phone,
        Field::Party,
        Field::Category,
        Field::Source,
        Field::Extra,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Ref => "ref",
            Field::Received => "received",
            Field::Summary => "summary",
            Field::Details => "details",
            Field::Community => "community",
            Field::Address => "address",
            Field::Complainant => "complainant",
            Field::Phone => "phone",
            Field::Party => "party",
            Field::Category => "category",
            Field::Source => "source",
            Field::Extra => "extra",
        }
    }

    pub fn parse(s: &str) -> Option<Field> {
        let t = s.trim().to_ascii_lowercase();
        let t = match t.as_str() {
            "source_ref" | "reference" => "ref",
            "received_at" | "date" => "received",
            "detail" => "details",
            other => other,
        };
        Field::ALL.iter().copied().find(|f| f.name() == t)
    }

    /// Every field's name, for a message listing them.
    pub fn list() -> String {
        Field::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
