//! TrafficSplit percentage arithmetic, kept free of cluster calls so every rule is unit-tested.
//!
//! Stored weights are percentages that total exactly 100. Naming every backend sets them all;
//! naming some lets the rest share what remains in proportion to their current weights, rounded
//! with the largest-remainder method so the total never drifts from 100.

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};

/// Backend name and weight, in the TrafficSplit's order.
pub type Weights = Vec<(String, u32)>;

/// `SVC=PERCENT` as typed on the command line.
pub fn parse_assignment(text: &str) -> Result<(String, u32)> {
    let Some((name, value)) = text.split_once('=') else {
        return Err(Error::invalid(format!("{text:?} is not SERVICE=PERCENT"))
            .with_hint("write each backend as NAME=PERCENT, e.g. bookstore-v2=20"));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(format!("{text:?} names no service")).with_hint("write NAME=PERCENT"));
    }
    let percent = parse_weight(name, value, 100)?;
    Ok((name.to_string(), percent))
}

/// `SVC=WEIGHT` for `split create`, where weights are relative and need not total 100.
pub fn parse_backend(text: &str) -> Result<(String, u32)> {
    let Some((name, value)) = text.split_once('=') else {
        return Err(Error::invalid(format!("backend {text:?} is not SERVICE=WEIGHT")).with_hint(format!(
            "write each backend as NAME=WEIGHT, e.g. {} bookstore-v1=50",
            Input::Backend
        )));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(
            Error::invalid(format!("backend {text:?} names no service")).with_hint("write NAME=WEIGHT")
        );
    }
    Ok((name.to_string(), parse_weight(name, value, u32::MAX)?))
}

fn parse_weight(name: &str, value: &str, max: u32) -> Result<u32> {
    let value = value.trim();
    if let Ok(n) = value.parse::<i64>() {
        if n < 0 {
            return Err(Error::invalid(format!("{name}={value}: weights cannot be negative"))
                .with_hint("use a whole number from 0 up"));
        }
        if n > i64::from(max) {
            return Err(Error::invalid(format!("{name}={value}: a percentage cannot exceed {max}"))
                .with_hint("use a whole number from 0 to 100"));
        }
        return Ok(n as u32);
    }
    if value.parse::<f64>().is_ok() {
        return Err(Error::invalid(format!("{name}={value}: weights must be whole numbers, not {value}"))
            .with_hint("round it to an integer, e.g. 33"));
    }
    Err(Error::invalid(format!("{name}={value:?}: not a number")).with_hint("use a whole number, e.g. 20"))
}

/// Checks the weights of a new split: at least one backend, no duplicate, not all zero.
pub fn check_new(backends: &[(String, u32)]) -> Result<()> {
    if backends.is_empty() {
        return Err(Error::invalid("a TrafficSplit needs at least one backend")
            .with_hint(format!("pass {} SVC=WEIGHT, once per backend", Input::Backend)));
    }
    check_duplicates(backends.iter().map(|(n, _)| n.as_str()))?;
    if backends.iter().all(|(_, w)| *w == 0) {
        return Err(Error::invalid("all backend weights are zero: no backend would receive traffic")
            .with_hint("give at least one backend a weight above 0"));
    }
    Ok(())
}

fn check_duplicates<'a>(names: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for name in names {
        if !seen.insert(name) {
            return Err(
                Error::invalid(format!("backend {name} is named twice")).with_hint("name each backend once")
            );
        }
    }
    Ok(())
}

/// Splits `total` between entries in proportion to `weights` (largest remainder, earlier entries
/// winning ties); when every weight is 0, evenly.
pub fn apportion(total: u32, weights: &[u64]) -> Vec<u32> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: u64 = weights.iter().sum();
    let weights: Vec<u64> = if sum == 0 { vec![1; weights.len()] } else { weights.to_vec() };
    let sum: u64 = weights.iter().sum();
    let total = u64::from(total);
    let mut shares: Vec<u64> = weights.iter().map(|w| total * w / sum).collect();
    let mut leftover = total - shares.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Stable sort: equal remainders keep the backends' order.
    order.sort_by_key(|&i| std::cmp::Reverse(total * weights[i] % sum));
    for i in order {
        if leftover == 0 {
            break;
        }
        shares[i] += 1;
        leftover -= 1;
    }
    shares.into_iter().map(|s| s as u32).collect()
}

/// The current weights as percentages totalling 100 (or all zero when every weight is zero).
pub fn percentages(current: &[(String, u32)]) -> Weights {
    let weights: Vec<u64> = current.iter().map(|(_, w)| u64::from(*w)).collect();
    if weights.iter().all(|w| *w == 0) {
        return current.iter().map(|(n, _)| (n.clone(), 0)).collect();
    }
    current.iter().map(|(n, _)| n.clone()).zip(apportion(100, &weights)).collect()
}

/// How `osm traffic split set` changes a split.
#[derive(Debug, Clone, Default)]
pub struct SetRequest {
    /// Backends named with their new percentage.
    pub assignments: Vec<(String, u32)>,
    /// Spread what is not assigned evenly instead of by current weight.
    pub equal: bool,
    /// Accept names that are not backends yet, adding them.
    pub add: bool,
}

/// The new weights (percentages totalling 100) after applying `request` to `current`.
pub fn plan_set(current: &[(String, u32)], request: &SetRequest) -> Result<Weights> {
    check_duplicates(request.assignments.iter().map(|(n, _)| n.as_str()))?;
    if request.assignments.is_empty() && !request.equal {
        return Err(Error::invalid(format!(
            "nothing to set: name at least one backend as SVC=PERCENT, or pass {}",
            Input::EqualWeights
        ))
        .with_hint(Remedy::SplitSetExample));
    }
    let mut names: Vec<String> = current.iter().map(|(n, _)| n.clone()).collect();
    let unknown: Vec<&str> = request
        .assignments
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !names.iter().any(|have| have == n))
        .collect();
    if !unknown.is_empty() {
        if !request.add {
            return Err(Error::invalid(format!(
                "{} {} not a backend of this split (backends: {})",
                unknown.join(", "),
                if unknown.len() == 1 { "is" } else { "are" },
                names.join(", ")
            ))
            .with_hint(format!("check the name, or pass {} to add it as a new backend", Input::AddBackend)));
        }
        names.extend(unknown.iter().map(|n| n.to_string()));
    }
    let assigned = |name: &str| request.assignments.iter().find(|(n, _)| n == name).map(|(_, p)| *p);
    let named_total: u32 = request.assignments.iter().map(|(_, p)| *p).sum();
    let rest: Vec<&String> = names.iter().filter(|n| assigned(n).is_none()).collect();
    if rest.is_empty() {
        if named_total == 0 {
            return Err(Error::invalid(
                "all backend weights would be zero: no backend would receive traffic",
            )
            .with_hint("give at least one backend a percentage above 0"));
        }
        if named_total != 100 {
            return Err(Error::invalid(format!(
                "the percentages of every backend must total 100, and these total {named_total}"
            ))
            .with_hint(
                "adjust them to total 100, or name only some backends to let the rest share the remainder",
            ));
        }
    } else if named_total > 100 {
        return Err(Error::invalid(format!("the named percentages total {named_total}, more than 100"))
            .with_hint("lower them so the other backends can share what remains"));
    }
    let current_weight =
        |name: &str| current.iter().find(|(n, _)| n == name).map_or(0, |(_, w)| u64::from(*w));
    let rest_weights: Vec<u64> =
        rest.iter().map(|n| if request.equal { 1 } else { current_weight(n) }).collect();
    let rest_shares = apportion(100 - named_total, &rest_weights);
    let mut rest_iter = rest_shares.into_iter();
    Ok(names
        .iter()
        .map(|n| {
            let percent =
                assigned(n).unwrap_or_else(|| rest_iter.next().expect("one share per unnamed backend"));
            (n.clone(), percent)
        })
        .collect())
}

/// The weights after each step of moving traffic to `to`: `step` percent more each time,
/// stopping at `until`, the others giving up their share in proportion to their weights.
pub fn plan_shift(current: &[(String, u32)], to: &str, step: u32, until: u32) -> Result<Vec<Weights>> {
    if !current.iter().any(|(n, _)| n == to) {
        let names: Vec<&str> = current.iter().map(|(n, _)| n.as_str()).collect();
        return Err(Error::invalid(format!(
            "{to} is not a backend of this split (backends: {})",
            names.join(", ")
        ))
        .with_hint(Remedy::AddBackendFirst { backend: to.to_string() }));
    }
    if step == 0 || step > 100 {
        return Err(Error::invalid(format!("{} {step}: use a percentage from 1 to 100", Input::Step)));
    }
    if until > 100 {
        return Err(Error::invalid(format!("{} {until}: use a percentage from 0 to 100", Input::Until)));
    }
    let mut weights = percentages(current);
    let mut steps = Vec::new();
    loop {
        let now = weights.iter().find(|(n, _)| n == to).map_or(0, |(_, w)| *w);
        if now >= until {
            break;
        }
        let next = (now + step).min(until);
        weights = plan_set(
            &weights,
            &SetRequest { assignments: vec![(to.to_string(), next)], ..Default::default() },
        )?;
        steps.push(weights.clone());
    }
    Ok(steps)
}

/// The weights in a line for messages: `bookstore-v1 20%, bookstore-v2 80%`.
pub fn describe(weights: &[(String, u32)]) -> String {
    weights.iter().map(|(n, w)| format!("{n} {w}%")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(pairs: &[(&str, u32)]) -> Weights {
        pairs.iter().map(|(n, w)| (n.to_string(), *w)).collect()
    }

    fn set(current: &[(&str, u32)], assignments: &[(&str, u32)]) -> Result<Weights> {
        plan_set(&w(current), &SetRequest { assignments: w(assignments), ..Default::default() })
    }

    fn total(weights: &Weights) -> u32 {
        weights.iter().map(|(_, w)| w).sum()
    }

    #[test]
    fn naming_one_backend_of_a_50_50_split_gives_the_other_the_rest() {
        let out = set(&[("bookstore", 50), ("bookstore-v2", 50)], &[("bookstore-v2", 100)]).unwrap();
        assert_eq!(out, w(&[("bookstore", 0), ("bookstore-v2", 100)]));
    }

    #[test]
    fn the_remainder_goes_to_the_others_by_their_current_weight() {
        let out = set(&[("bookstore", 100), ("bookstore-v2", 0)], &[("bookstore-v2", 20)]).unwrap();
        assert_eq!(out, w(&[("bookstore", 80), ("bookstore-v2", 20)]));
        let out = set(&[("a", 60), ("b", 30), ("c", 10)], &[("c", 40)]).unwrap();
        assert_eq!(out, w(&[("a", 40), ("b", 20), ("c", 40)]));
    }

    #[test]
    fn largest_remainder_keeps_the_total_at_exactly_100() {
        let out = set(&[("a", 1), ("b", 1), ("c", 1), ("d", 0)], &[("d", 1)]).unwrap();
        assert_eq!(out, w(&[("a", 33), ("b", 33), ("c", 33), ("d", 1)]));
        let out = set(&[("a", 2), ("b", 1), ("c", 1), ("d", 50)], &[("d", 0)]).unwrap();
        assert_eq!(out, w(&[("a", 50), ("b", 25), ("c", 25), ("d", 0)]));
        let out = set(&[("a", 1), ("b", 1), ("c", 1)], &[("a", 0)]).unwrap();
        assert_eq!(out, w(&[("a", 0), ("b", 50), ("c", 50)]));
        let out = set(&[("a", 5), ("b", 3), ("c", 2), ("d", 0)], &[("d", 7)]).unwrap();
        assert_eq!(total(&out), 100);
        // 93 * (5,3,2)/10 = 46.5, 27.9, 18.6: floors 46+27+18 = 91, the two largest remainders get one more
        assert_eq!(out, w(&[("a", 46), ("b", 28), ("c", 19), ("d", 7)]));
    }

    #[test]
    fn others_all_at_zero_share_evenly() {
        let out = set(&[("a", 100), ("b", 0), ("c", 0)], &[("a", 40)]).unwrap();
        assert_eq!(out, w(&[("a", 40), ("b", 30), ("c", 30)]));
        let out = set(&[("a", 100), ("b", 0), ("c", 0), ("d", 0)], &[("a", 0)]).unwrap();
        assert_eq!(out, w(&[("a", 0), ("b", 34), ("c", 33), ("d", 33)]));
    }

    #[test]
    fn naming_every_backend_must_total_100() {
        let out = set(&[("a", 50), ("b", 50)], &[("a", 30), ("b", 70)]).unwrap();
        assert_eq!(out, w(&[("a", 30), ("b", 70)]));
        let err = set(&[("a", 50), ("b", 50)], &[("a", 30), ("b", 60)]).unwrap_err();
        assert!(err.message.contains("total 90"), "{err}");
        assert_eq!(err.exit_code(), 4);
    }

    #[test]
    fn all_zero_is_refused() {
        let err = set(&[("a", 50), ("b", 50)], &[("a", 0), ("b", 0)]).unwrap_err();
        assert!(err.message.contains("zero"), "{err}");
        let err = check_new(&w(&[("a", 0), ("b", 0)])).unwrap_err();
        assert!(err.message.contains("zero"), "{err}");
        assert!(check_new(&w(&[("a", 0), ("b", 1)])).is_ok());
    }

    #[test]
    fn named_percentages_above_100_are_refused() {
        let err = set(&[("a", 50), ("b", 25), ("c", 25)], &[("a", 70), ("b", 40)]).unwrap_err();
        assert!(err.message.contains("110"), "{err}");
    }

    #[test]
    fn unknown_backends_need_add() {
        let err = set(&[("a", 50), ("b", 50)], &[("c", 20)]).unwrap_err();
        assert!(err.message.contains("c is not a backend"), "{err}");
        assert!(err.hint.unwrap().contains("--add"));
        let out = plan_set(
            &w(&[("a", 50), ("b", 50)]),
            &SetRequest { assignments: w(&[("c", 20)]), add: true, ..Default::default() },
        )
        .unwrap();
        assert_eq!(out, w(&[("a", 40), ("b", 40), ("c", 20)]));
    }

    #[test]
    fn equal_spreads_evenly() {
        let out = plan_set(
            &w(&[("a", 90), ("b", 10), ("c", 0)]),
            &SetRequest { equal: true, ..Default::default() },
        )
        .unwrap();
        assert_eq!(out, w(&[("a", 34), ("b", 33), ("c", 33)]));
        let out = plan_set(
            &w(&[("a", 90), ("b", 10), ("c", 0)]),
            &SetRequest { assignments: w(&[("a", 50)]), equal: true, add: false },
        )
        .unwrap();
        assert_eq!(out, w(&[("a", 50), ("b", 25), ("c", 25)]));
    }

    #[test]
    fn duplicates_and_empty_requests_are_refused() {
        assert!(set(&[("a", 50), ("b", 50)], &[("a", 20), ("a", 30)]).unwrap_err().message.contains("twice"));
        assert!(set(&[("a", 50), ("b", 50)], &[]).unwrap_err().message.contains("nothing to set"));
    }

    #[test]
    fn assignments_parse_and_refuse_bad_numbers() {
        assert_eq!(parse_assignment("bookstore-v2=20").unwrap(), ("bookstore-v2".into(), 20));
        assert!(parse_assignment("a=-5").unwrap_err().message.contains("negative"));
        assert!(parse_assignment("a=2.5").unwrap_err().message.contains("whole numbers"));
        assert!(parse_assignment("a=lots").unwrap_err().message.contains("not a number"));
        assert!(parse_assignment("a=101").unwrap_err().message.contains("exceed 100"));
        assert!(parse_assignment("a").unwrap_err().message.contains("SERVICE=PERCENT"));
        assert!(parse_assignment("=5").unwrap_err().message.contains("names no service"));
        assert_eq!(parse_backend("v1=500").unwrap(), ("v1".into(), 500));
        assert!(parse_backend("v1=-1").unwrap_err().message.contains("negative"));
    }

    #[test]
    fn percentages_normalise_relative_weights() {
        assert_eq!(percentages(&w(&[("a", 1), ("b", 1), ("c", 1)])), w(&[("a", 34), ("b", 33), ("c", 33)]));
        assert_eq!(percentages(&w(&[("a", 3), ("b", 1)])), w(&[("a", 75), ("b", 25)]));
    }

    #[test]
    fn shift_moves_step_by_step_to_until() {
        let steps = plan_shift(&w(&[("v1", 50), ("v2", 50)]), "v2", 20, 100).unwrap();
        let v2: Vec<u32> = steps.iter().map(|s| s[1].1).collect();
        assert_eq!(v2, vec![70, 90, 100]);
        assert_eq!(steps.last().unwrap(), &w(&[("v1", 0), ("v2", 100)]));
        assert!(steps.iter().all(|s| total(s) == 100));
        let steps = plan_shift(&w(&[("v1", 100), ("v2", 0), ("v3", 0)]), "v2", 10, 25).unwrap();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[2], w(&[("v1", 75), ("v2", 25), ("v3", 0)]));
        assert!(plan_shift(&w(&[("v1", 0), ("v2", 100)]), "v2", 10, 100).unwrap().is_empty());
    }

    #[test]
    fn shift_refuses_unknown_targets_and_bad_steps() {
        assert!(plan_shift(&w(&[("v1", 50), ("v2", 50)]), "v3", 10, 100).unwrap_err().message.contains("v3"));
        assert!(plan_shift(&w(&[("v1", 50), ("v2", 50)]), "v2", 0, 100).is_err());
        assert!(plan_shift(&w(&[("v1", 50), ("v2", 50)]), "v2", 10, 101).is_err());
    }
}
