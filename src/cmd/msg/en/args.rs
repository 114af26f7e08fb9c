//! English for arguments that cannot hold together (`cmd::args::Error`).

use crate::cmd::args::Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::FromAfterTo { from, to } => format!(
            "--from {from} is after --to {to}: no case can be received in that period; swap the two dates"
        ),
    }
}
