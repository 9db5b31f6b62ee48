//! Fetching the index's files: a small JS snippet fetches each (refused by its Content-Length,
//! stopped while it downloads once it passes the size the index allows it); its answers come
//! back through one callback that the mount owns and that a destroyed mount turns off first
//! (`kill_sink`), so a fetch still under way when the widget goes leaves nothing to fail when
//! it settles. [`Fetches`] is the queue: at most [`IN_FLIGHT`] files at once, the others wait,
//! and a new query drops what the old one still waited for.

reply_web::index_fetch!();

/// The most files fetched at once (a browser's connections to one host; a manifest listing
/// thousands of chunks fetches them six at a time).
pub(crate) const IN_FLIGHT: usize = 6;
/// The most files one query may need: more is refused with a message (an index of 100,000
/// replies needs a few hundred for a comparison that matches most of it; a manifest listing
/// tens of thousands of chunks is not one of ours).
pub(crate) const QUERY_FILES: usize = 4096;

/// The files asked for: in flight, and waiting for a free fetch.
#[derive(Debug, Default)]
pub(crate) struct Fetches {
    /// Files asked for and not yet arrived (in flight or queued).
    asked: Vec<String>,
    /// How many are in flight (at most [`IN_FLIGHT`]).
    in_flight: usize,
    /// Files waiting for a free fetch: name, and whether they wait for a paint; the next is
    /// at `next` (a Vec read from the front: no deque in the wasm).
    queue: Vec<(String, bool)>,
    next: usize,
}

impl Fetches {
    /// Asks for a file, now or once the browser has painted (`later`); false if it is asked
    /// for already.
    pub(crate) fn ask(&mut self, name: &str, later: bool) -> bool {
        if self.asked.iter().any(|a| a == name) {
            return false;
        }
        self.asked.push(name.to_string());
        self.queue.push((name.to_string(), later));
        true
    }

    /// The next file to start while fewer than [`IN_FLIGHT`] are under way (counted in flight
    /// from now): its name, and whether it waits for a paint.
    pub(crate) fn start(&mut self) -> Option<(String, bool)> {
        if self.in_flight >= IN_FLIGHT || self.next >= self.queue.len() {
            return None;
        }
        let file = std::mem::take(&mut self.queue[self.next]);
        self.next += 1;
        if self.next == self.queue.len() {
            self.queue.clear();
            self.next = 0;
        }
        self.in_flight += 1;
        Some(file)
    }

    /// A file arrived (or failed): no longer asked for, its fetch free.
    pub(crate) fn arrived(&mut self, name: &str) {
        self.asked.retain(|a| a != name);
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    /// Drops the files that wait (a new query asks again for what it needs; a broken index
    /// asks for nothing more); those in flight still arrive.
    pub(crate) fn drop_waiting(&mut self) {
        let waiting = std::mem::take(&mut self.queue);
        for (name, _) in &waiting[self.next..] {
            self.asked.retain(|a| a != name);
        }
        self.next = 0;
    }
}

#[cfg(test)]
mod tests;
