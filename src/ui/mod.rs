//! The editor window.
