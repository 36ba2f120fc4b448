//! Which rows of a long list are drawn: those in the viewport and a viewport's height either side.
//! The rows above and below stand in as padding of the list, as tall as those rows were measured
//! (or are estimated, until they have been drawn once), so the page scrolls as if every row were
//! there while only a few dozen exist in the DOM.

/// Lists this long or shorter are drawn whole (about two screens of cards): the browser's
/// find-in-page sees every row. Longer, a filter that changes most of the list would build dozens
/// of cards and fetch their articles in one click.
pub const WHOLE: usize = 20;

/// Rows drawn before the list has been measured; the first screen written into index.html lists
/// as many (crates/site/src/paint.rs), and the start fetches their articles (src/data.rs).
pub const FIRST: usize = WHOLE;

/// The rows drawn at first for a list of `len` rows.
pub fn first(len: usize) -> usize {
    len.min(FIRST)
}

/// Height of a row not measured yet when none has been (CSS pixels, gap included): about one
/// result card.
const GUESS: f64 = 180.0;

/// Measured heights of rows, by a key the rows keep when the list changes (an article), so a
/// filter that keeps a row keeps its height.
#[derive(Debug, Clone)]
pub struct Heights {
    known: Vec<f32>,
    sum: f64,
    measured: usize,
    /// Space between two rows, as last measured.
    gap: f64,
}

/// Rows `first..end` are drawn; `before` and `after` are the heights of the rows that are not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub first: usize,
    pub end: usize,
    pub before: f64,
    pub after: f64,
}

impl Span {
    /// Every row of a list of `len` rows.
    pub fn whole(len: usize) -> Span {
        Span { first: 0, end: len, before: 0.0, after: 0.0 }
    }
}

impl Heights {
    /// No row of `keys` possible keys measured yet.
    pub fn new(keys: usize) -> Self {
        Heights { known: vec![0.0; keys], sum: 0.0, measured: 0, gap: 0.0 }
    }

    /// Records that the row of `key` is `height` tall; whether that changed what was known.
    pub fn set(&mut self, key: usize, height: f64) -> bool {
        let Some(slot) = self.known.get_mut(key) else { return false };
        if !(height.is_finite() && height > 0.0) || *slot == height as f32 {
            return false;
        }
        if *slot > 0.0 {
            self.sum -= f64::from(*slot);
        } else {
            self.measured += 1;
        }
        *slot = height as f32;
        self.sum += f64::from(*slot);
        true
    }

    /// Records the space between two rows.
    pub fn set_gap(&mut self, gap: f64) {
        if gap.is_finite() && gap >= 0.0 {
            self.gap = gap;
        }
    }

    /// The height of the row of `key`, measured or estimated, without the gap.
    fn height(&self, key: usize) -> f64 {
        match self.known.get(key) {
            Some(&h) if h > 0.0 => f64::from(h),
            _ if self.measured > 0 => self.sum / self.measured as f64,
            _ => GUESS - self.gap,
        }
    }

    /// The height of the row of `key` and the gap below it: how far the next row starts.
    fn pitch(&self, key: usize) -> f64 {
        self.height(key) + self.gap
    }

    /// The heights of the rows of `keys` laid one under the other.
    fn extent(&self, keys: &[usize]) -> f64 {
        keys.iter().map(|&k| self.pitch(k)).sum()
    }

    /// The rows of `keys` (in list order) that meet `from..to`, a range of heights from the top of
    /// the list; at least one row when the list has any, and whole lists when they are short.
    pub fn span(&self, keys: &[usize], from: f64, to: f64) -> Span {
        if keys.len() <= WHOLE {
            return Span::whole(keys.len());
        }
        let (mut first, mut end, mut before, mut top) = (None, keys.len(), 0.0, 0.0);
        for (i, &k) in keys.iter().enumerate() {
            let pitch = self.pitch(k);
            if first.is_none() && top + pitch > from {
                first = Some(i);
                before = top;
            }
            if first.is_some() && top >= to {
                end = i;
                break;
            }
            top += pitch;
        }
        // Scrolled past the end (the list shrank under the reader): the last row.
        let first = first.unwrap_or_else(|| {
            before = top - self.pitch(keys[keys.len() - 1]);
            keys.len() - 1
        });
        let end = end.max(first + 1);
        Span { first, end, before: before.max(0.0), after: self.extent(&keys[end..]) }
    }

    /// The span drawn before anything is measured.
    pub fn start(&self, keys: &[usize]) -> Span {
        let end = first(keys.len());
        Span { first: 0, end, before: 0.0, after: self.extent(&keys[end..]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<usize> {
        (0..n).collect()
    }

    #[test]
    fn short_lists_are_drawn_whole() {
        let h = Heights::new(10);
        let span = h.span(&keys(WHOLE), 5_000.0, 6_000.0);
        assert_eq!((span.first, span.end, span.before, span.after), (0, WHOLE, 0.0, 0.0));
        assert_eq!(h.start(&keys(7)).end, 7);
    }

    #[test]
    fn a_long_list_draws_the_rows_in_range_and_pads_the_rest() {
        let mut h = Heights::new(1_000);
        h.set_gap(10.0);
        for k in 0..1_000 {
            h.set(k, 90.0);
        }
        // Pitch 100: rows 20..35 meet 2,050..3,500.
        let span = h.span(&keys(1_000), 2_050.0, 3_500.0);
        assert_eq!((span.first, span.end), (20, 35));
        assert_eq!(span.before, 2_000.0);
        assert_eq!(span.after, 965.0 * 100.0);
        // Padding and drawn rows add up to the whole list, wherever the window is.
        let drawn = (span.end - span.first) as f64 * 100.0;
        assert_eq!(span.before + drawn + span.after, 100_000.0);
    }

    #[test]
    fn unmeasured_rows_take_the_mean_of_the_measured() {
        let mut h = Heights::new(100);
        h.set(0, 100.0);
        assert!(h.set(1, 300.0));
        assert!(h.set(1, 200.0), "measured again: replaces, does not add");
        assert!(!h.set(1, 200.0), "the same height is no change");
        let span = h.span(&keys(100), 0.0, 1.0);
        assert_eq!((span.first, span.end), (0, 1));
        assert_eq!(span.after, 200.0 + 98.0 * 150.0);
        // Nonsense heights and keys out of range change nothing.
        assert!(!h.set(2, f64::NAN));
        assert!(!h.set(3, -4.0));
        assert!(!h.set(1_000, 50.0));
        assert_eq!(h.span(&keys(100), 0.0, 1.0), span);
    }

    #[test]
    fn past_the_end_the_last_row_is_drawn() {
        let h = Heights::new(60);
        let span = h.span(&keys(60), 1e9, 2e9);
        assert_eq!((span.first, span.end, span.after), (59, 60, 0.0));
        assert_eq!(span.before, 59.0 * GUESS);
    }

    #[test]
    fn the_start_draws_the_first_rows_and_pads_the_rest() {
        let h = Heights::new(100);
        let span = h.start(&keys(100));
        assert_eq!((span.first, span.end, span.before), (0, FIRST, 0.0));
        assert_eq!(span.after, 80.0 * GUESS);
    }
}
