//! Bulk intake tests (issue 6).
