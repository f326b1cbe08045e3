//! Looking at a mesh without changing it: `osm check`'s checks (`check`), the Go CLI's
//! connectivity, control-plane and ingress verifications (`verify`), and the bug report that
//! gathers both with the objects and logs behind them (`bug_report`).

pub mod bug_report;
pub mod check;
pub mod verify;
