//! Letter case: what a replacement needs to fit where it goes.

/// `s` with its first letter upper-cased ("wat vervelend" → "Wat vervelend").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `s` with its first letter lower-cased ("Wij" → "wij").
pub fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    let head: String = c
        .next()
        .map(|h| h.to_lowercase().collect())
        .unwrap_or_default();
    head + c.as_str()
}

/// `s` starts with an upper-case letter.
#[inline]
pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `replacement`, capitalised when `original` starts with a capital ("Je" → "U").
pub fn same_case_as(original: &str, replacement: &str) -> String {
    if starts_upper(original) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_helpers() {
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
        assert_eq!(decapitalise("Wij zijn"), "wij zijn");
        assert!(starts_upper("Ómar") && !starts_upper("ómar") && !starts_upper(""));
        assert_eq!(same_case_as("Je", "u"), "U");
        assert_eq!(same_case_as("je", "u"), "u");
    }
}
