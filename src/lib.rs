//! `osm`: install and drive Open Service Mesh on Kubernetes.
//!
//! The binary (`src/main.rs`) only parses, runs and maps errors to exit codes; everything else
//! lives here so that tests and the `xtask` generator can reach the clap definitions.

pub mod cli;
pub mod cluster;
pub mod commands;
pub mod error;
pub mod model;
pub mod ops;
pub mod output;

pub use error::{Error, ErrorKind, Result};
