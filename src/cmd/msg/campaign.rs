//! The campaign's phrases (issue 16): labels and headers of the community
//! register, the calendar, the acceptance check and the patrol forms, in
//! each language (`en/campaign.rs`, `zh/campaign.rs`). The `Label` enum
//! itself lives in the leaf `text.rs`, so the language files import no
//! dispatch back.

use crate::domain::Lang;

pub use super::text::Label;

/// The phrase in `lang`.
pub fn label(l: Label, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => super::zh::campaign::label(l),
        Lang::En => super::en::campaign::label(l),
    }
}
