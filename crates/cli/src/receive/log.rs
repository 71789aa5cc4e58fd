//! What the receiver has received: a bounded log of requests and, apart, of preflights.
//!
//! Each list keeps at most a number of entries and a number of bytes (bodies, headers and
//! paths as stored); past either bound the oldest entries go first, so a flood of large
//! requests cannot make the receiver hold more than the byte bound.
//!
//! Ids start at 1 and are never reused, not even after a clear, so `#3` in the printed
//! output always means the same request.

use std::collections::VecDeque;
use std::time::{SystemTime, UNIX_EPOCH};

use hyper::header::HeaderMap;
use hyper::Method;
use serde::Serialize;

/// One request as it arrived, in the shape `GET /_requests` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RecordedRequest {
    /// 1-based, in arrival order; preflights count apart from requests.
    pub id: u64,
    pub method: String,
    /// The request target: path and query.
    pub path: String,
    /// `[name, value]` pairs. hyper lowercases names, and keeps repeated headers together
    /// at the place of the first one; values are as sent (lossily decoded if not UTF-8).
    pub headers: Vec<(String, String)>,
    /// The body exactly as sent when it is UTF-8, else decoded lossily.
    pub body: String,
    pub body_bytes_len: usize,
    pub body_is_utf8: bool,
    /// RFC 3339 UTC with milliseconds, e.g. `2025-01-31T12:00:00.123Z`.
    pub received_at: String,
}

/// The last requests and the last preflights, each list within the same bounds.
#[derive(Debug)]
pub struct RequestLog {
    bounds: Bounds,
    requests: Kept,
    preflights: Kept,
    total_requests: u64,
    total_preflights: u64,
}

/// How much each list of a [`RequestLog`] keeps.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub entries: usize,
    /// Stored bytes of the kept entries; the newest entry is kept even when it alone is larger.
    pub bytes: usize,
}

#[derive(Debug, Default)]
struct Kept {
    entries: VecDeque<RecordedRequest>,
    bytes: usize,
}

impl RequestLog {
    /// An empty log keeping at most `bounds` of each kind.
    pub fn new(bounds: Bounds) -> Self {
        Self {
            bounds,
            requests: Kept::default(),
            preflights: Kept::default(),
            total_requests: 0,
            total_preflights: 0,
        }
    }

    /// Records a request and returns it as recorded.
    pub fn record_request(
        &mut self,
        method: &Method,
        path: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> RecordedRequest {
        self.total_requests += 1;
        let entry = RecordedRequest::new(self.total_requests, method, path, headers, body);
        self.requests.push(entry.clone(), self.bounds);
        entry
    }

    /// Records a CORS preflight (which has no body) and returns it as recorded.
    pub fn record_preflight(
        &mut self,
        method: &Method,
        path: &str,
        headers: &HeaderMap,
    ) -> RecordedRequest {
        self.total_preflights += 1;
        let entry = RecordedRequest::new(self.total_preflights, method, path, headers, b"");
        self.preflights.push(entry.clone(), self.bounds);
        entry
    }

    /// The kept requests, oldest first.
    pub fn requests(&self) -> &VecDeque<RecordedRequest> {
        &self.requests.entries
    }

    /// The kept preflights, oldest first.
    pub fn preflights(&self) -> &VecDeque<RecordedRequest> {
        &self.preflights.entries
    }

    /// How many requests arrived since the start, cleared or dropped ones included.
    pub fn total_requests(&self) -> u64 {
        self.total_requests
    }

    /// Forgets every kept request and preflight; returns how many requests were forgotten.
    pub fn clear(&mut self) -> usize {
        let cleared = self.requests.entries.len();
        self.requests = Kept::default();
        self.preflights = Kept::default();
        cleared
    }
}

impl RecordedRequest {
    fn new(id: u64, method: &Method, path: &str, headers: &HeaderMap, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        Self {
            id,
            method: method.as_str().to_owned(),
            path: path.to_owned(),
            headers: headers
                .iter()
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    (name.as_str().to_owned(), value)
                })
                .collect(),
            body_is_utf8: matches!(text, std::borrow::Cow::Borrowed(_)),
            body: text.into_owned(),
            body_bytes_len: body.len(),
            received_at: rfc3339_utc(now_unix_millis()),
        }
    }
}

impl RecordedRequest {
    /// The bytes this entry holds in its strings.
    fn stored_bytes(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.len() + value.len())
            .sum();
        self.method.len() + self.path.len() + headers + self.body.len()
    }
}

impl Kept {
    fn push(&mut self, entry: RecordedRequest, bounds: Bounds) {
        self.bytes += entry.stored_bytes();
        self.entries.push_back(entry);
        while self.entries.len() > 1
            && (self.entries.len() > bounds.entries || self.bytes > bounds.bytes)
        {
            if let Some(oldest) = self.entries.pop_front() {
                self.bytes -= oldest.stored_bytes();
            }
        }
    }
}

fn now_unix_millis() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// Formats milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
fn rfc3339_utc(unix_millis: i64) -> String {
    let days = unix_millis.div_euclid(86_400_000);
    let millis_of_day = unix_millis.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let seconds = millis_of_day / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        millis_of_day % 1000
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc_with_milliseconds() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (1_700_000_000_123, "2023-11-14T22:13:20.123Z"),
            (4_107_542_399_999, "2100-02-28T23:59:59.999Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
        ];
        for (millis, expected) in cases {
            assert_eq!(rfc3339_utc(millis), expected, "{millis}");
        }
    }

    const ROOMY: Bounds = Bounds {
        entries: 10,
        bytes: 1 << 20,
    };

    #[test]
    fn log_keeps_only_the_last_capacity_requests_and_ids_go_on() {
        let mut log = RequestLog::new(Bounds {
            entries: 3,
            ..ROOMY
        });
        for _ in 0..5 {
            log.record_request(&Method::POST, "/", &HeaderMap::new(), b"x");
        }
        let ids: Vec<u64> = log.requests().iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [3, 4, 5]);
        assert_eq!(log.total_requests(), 5);
    }

    #[test]
    fn log_drops_the_oldest_past_its_byte_bound_but_keeps_the_newest() {
        // Each entry stores "POST" + "/" + its body.
        let mut log = RequestLog::new(Bounds {
            entries: 10,
            bytes: 30,
        });
        for body in ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"] {
            log.record_request(&Method::POST, "/", &HeaderMap::new(), body.as_bytes());
        }
        let ids: Vec<u64> = log.requests().iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [2, 3]);
        log.record_request(&Method::POST, "/", &HeaderMap::new(), &[b'x'; 100]);
        let ids: Vec<u64> = log.requests().iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [4]);
    }

    #[test]
    fn clear_forgets_requests_and_preflights_but_not_the_ids() {
        let mut log = RequestLog::new(ROOMY);
        log.record_request(&Method::POST, "/", &HeaderMap::new(), b"");
        log.record_preflight(&Method::OPTIONS, "/", &HeaderMap::new());
        assert_eq!(log.clear(), 1);
        assert!(log.requests().is_empty() && log.preflights().is_empty());
        let next = log.record_request(&Method::POST, "/", &HeaderMap::new(), b"");
        assert_eq!(next.id, 2);
    }

    #[test]
    fn non_utf8_body_is_recorded_lossily_and_flagged() {
        let mut log = RequestLog::new(ROOMY);
        let entry = log.record_request(&Method::POST, "/", &HeaderMap::new(), b"a\xffb");
        assert_eq!(entry.body, "a\u{fffd}b");
        assert_eq!(entry.body_bytes_len, 3);
        assert!(!entry.body_is_utf8);
    }
}
