//! The reads and writes of `osm traffic`, by capability: finding routing objects and the
//! Services behind their backends ([`locate`]), editing their rules ([`edit`]), creating them
//! ([`create`]) and shifting traffic step by step ([`shift`]).

pub mod create;
pub mod edit;
pub mod locate;
pub mod shift;

pub use locate::{Located, namespace_or_default};
