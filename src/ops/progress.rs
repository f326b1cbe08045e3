//! How an operation reports while it runs. Ops decide what to say and when; the command that
//! called them decides how it reaches the terminal (output's printer, spinners and bars implement
//! these traits in `commands/progress.rs`), so ops never print themselves.

/// Lines on stderr (progress, warnings, hints, debug), data lines on stdout, and the spinners and
/// bars of a longer wait.
pub trait Progress: Send + Sync {
    /// Progress or a neutral note (stderr).
    fn info(&self, text: &str);
    /// Something the user should know that does not fail the operation (stderr).
    fn warn(&self, text: &str);
    /// What to do next (stderr).
    fn hint(&self, text: &str);
    /// Shown only when asked for more detail (stderr).
    fn debug(&self, text: &str);
    /// A line of data or a result message (stdout).
    fn data(&self, text: &str);
    /// One JSON value on a line of its own (stdout), an event of a running operation.
    fn json_line(&self, value: &serde_json::Value);
    /// One spinner (or line) per item, each finished on its own.
    fn spinners(&self, titles: &[String]) -> Box<dyn Spinners>;
    /// A bar of `len` steps.
    fn bar(&self, len: u64, message: &str) -> Box<dyn Bar>;
    /// The same reporter, owned, for a task that outlives the borrow (a port-forward's notices).
    fn boxed(&self) -> Box<dyn Progress>;
}

/// Several things finishing in any order.
pub trait Spinners: Send {
    /// Item `index` is done.
    fn succeed(&mut self, index: usize, message: &str);
    /// Every unfinished item failed.
    fn fail_rest(&mut self, message: &str);
}

/// A bar of steps that ends once, with success or failure.
pub trait Bar: Send + Sync {
    fn set_message(&self, message: &str);
    fn line(&self, text: &str);
    fn set_live(&self, message: &str);
    fn set_length(&self, len: u64);
    fn set_position(&self, pos: u64);
    fn succeed(self: Box<Self>, message: &str);
    fn fail(self: Box<Self>, message: &str);
}
