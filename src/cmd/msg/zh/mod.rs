//! 中文: every error kind said as a sentence, with what to do.

pub mod help;
