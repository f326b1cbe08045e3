//! Output's printer, spinners and bars are how ops report while they run ([`crate::ops::progress`]).

use crate::ops::progress::{Bar, Progress, Spinners};
use crate::output;

impl Progress for output::Output {
    fn info(&self, text: &str) {
        output::Output::info(self, text);
    }
    fn warn(&self, text: &str) {
        output::Output::warn(self, text);
    }
    fn hint(&self, text: &str) {
        output::Output::hint(self, text);
    }
    fn debug(&self, text: &str) {
        output::Output::debug(self, text);
    }
    fn data(&self, text: &str) {
        output::Output::data(self, text);
    }
    fn json_line(&self, value: &serde_json::Value) {
        output::Output::json_line(self, value);
    }
    fn spinners(&self, titles: &[String]) -> Box<dyn Spinners> {
        Box::new(output::Output::spinners(self, titles))
    }
    fn bar(&self, len: u64, message: &str) -> Box<dyn Bar> {
        Box::new(output::Output::bar(self, len, message))
    }
    fn boxed(&self) -> Box<dyn Progress> {
        Box::new(self.clone())
    }
}

impl Spinners for output::Spinners {
    fn succeed(&mut self, index: usize, message: &str) {
        output::Spinners::succeed(self, index, message);
    }
    fn fail_rest(&mut self, message: &str) {
        output::Spinners::fail_rest(self, message);
    }
}

impl Bar for output::Progress {
    fn set_message(&self, message: &str) {
        output::Progress::set_message(self, message);
    }
    fn line(&self, text: &str) {
        output::Progress::line(self, text);
    }
    fn set_live(&self, message: &str) {
        output::Progress::set_live(self, message);
    }
    fn set_length(&self, len: u64) {
        output::Progress::set_length(self, len);
    }
    fn set_position(&self, pos: u64) {
        output::Progress::set_position(self, pos);
    }
    fn succeed(self: Box<Self>, message: &str) {
        output::Progress::succeed(*self, message);
    }
    fn fail(self: Box<Self>, message: &str) {
        output::Progress::fail(*self, message);
    }
}
